data = bytearray(1024)
mv = memoryview(data)
