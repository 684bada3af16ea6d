import weakref

try:
    weakref.ref([])
except TypeError as e:
    print(e)
weakref.ref({})
