"""The struct sequences of `sys` (version_info, float_info, int_info, hash_info,
flags, thread_info): tuples whose items are also named attributes; and
`displayhook`, which code compiled in 'single' mode calls for expression statements.
"""


class _StructSeq(tuple):
    __slots__ = ()
    _fields = ()

    def __repr__(self):
        cls = type(self)
        items = ", ".join(f"{n}={v!r}" for n, v in zip(cls._fields, self))
        return f"{cls.__module__}.{cls.__name__}({items})"


def _structseq(_name, **fields):
    ns = {"__module__": "sys", "__slots__": (), "_fields": tuple(fields),
          "n_fields": len(fields), "n_sequence_fields": len(fields),
          "n_unnamed_fields": 0}
    for i, field in enumerate(fields):
        ns[field] = property(lambda self, i=i: tuple.__getitem__(self, i))
    cls = type(_name, (_StructSeq,), ns)
    return tuple.__new__(cls, fields.values())


version_info = _structseq("version_info", major=3, minor=11, micro=7,
                          releaselevel="final", serial=0)
float_info = _structseq(
    "float_info", max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308,
    min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307, dig=15,
    mant_dig=53, epsilon=2.220446049250313e-16, radix=2, rounds=1)
int_info = _structseq("int_info", bits_per_digit=30, sizeof_digit=4,
                      default_max_str_digits=4300, str_digits_check_threshold=640)
hash_info = _structseq("hash_info", width=64, modulus=2305843009213693951,
                       inf=314159, nan=0, imag=1000003, algorithm="siphash13",
                       hash_bits=64, seed_bits=128, cutoff=0)
flags = _structseq("flags", debug=0, inspect=0, interactive=0, optimize=0,
                   dont_write_bytecode=0, no_user_site=0, no_site=0,
                   ignore_environment=0, verbose=0, bytes_warning=0, quiet=0,
                   hash_randomization=1, isolated=0, dev_mode=False, utf8_mode=0,
                   warn_default_encoding=0, safe_path=False, int_max_str_digits=-1)
thread_info = _structseq("thread_info", name="pthread", lock="semaphore",
                         version="NPTL 2.36")
del _StructSeq, _structseq


def displayhook(value):
    """Prints `repr(value)` and keeps it in `builtins._` (None is not shown)."""
    if value is None:
        return
    import builtins
    builtins._ = None
    print(repr(value))
    builtins._ = value


__displayhook__ = displayhook
