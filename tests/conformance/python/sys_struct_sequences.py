import sys
print(sys.version_info[:3], sys.version_info.major, sys.version_info >= (3, 8))
print(type(sys.version_info).__name__, isinstance(sys.version_info, tuple), len(sys.version_info))
print(sys.float_info)
print(sys.int_info, sys.hash_info.modulus, sys.hash_info.inf)
print(sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.max_exp)
major, minor, *rest = sys.version_info
print(major, minor, rest)
