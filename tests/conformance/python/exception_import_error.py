try:
    import not_a_real_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from collections import not_there
except ImportError as e:
    print(type(e).__name__, e.name)
print(issubclass(ModuleNotFoundError, ImportError))
import definitely_missing_pkg
