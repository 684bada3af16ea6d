import sys
print(sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.byteorder)
print(sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit)
print(type(sys.argv).__name__, sys.platform.startswith("linux"), __name__)
print(sys.getdefaultencoding(), sys.stdout.encoding.lower())
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4000)))
import keyword
print(keyword.iskeyword("class"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist))
print(sys.intern("hello") is sys.intern("hello"))
sys.exit("退出程序并打印消息")
