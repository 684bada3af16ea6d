"""Functional tools for creating and using iterators."""


class _Iter:
    __slots__ = ('_it', '__weakref__')

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")


def _need_int(name, v):
    if not isinstance(v, int):
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


class count(_Iter):
    """Return a count object whose .__next__() method returns consecutive values."""
    __slots__ = ('_n', '_step')

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(v, '__add__'):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {self._step!r})'


class cycle(_Iter):
    """Return elements from the iterable until it is exhausted. Then repeat."""
    __slots__ = ()

    def __init__(self, iterable):
        def gen(it):
            saved = []
            for element in it:
                yield element
                saved.append(element)
            while saved:
                for element in saved:
                    yield element
        self._it = gen(iter(iterable))


class repeat(_Iter):
    """repeat(object [,times]) -> create an iterator which returns the object."""
    __slots__ = ('_obj', '_times')

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            _need_int('times', times)
            if times < 0:
                times = 0
        self._times = times

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._obj!r})'
        return f'repeat({self._obj!r}, {self._times})'


class accumulate(_Iter):
    """Return series of accumulated sums (or other binary function results)."""
    __slots__ = ()

    def __init__(self, iterable, func=None, *, initial=None):
        def gen(it):
            total = initial
            if initial is None:
                try:
                    total = next(it)
                except StopIteration:
                    return
            yield total
            for element in it:
                total = total + element if func is None else func(total, element)
                yield total
        self._it = gen(iter(iterable))


class chain(_Iter):
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next iterable."""
    __slots__ = ()

    def __init__(self, *iterables):
        def gen():
            for it in iterables:
                yield from it
        self._it = gen()

    @classmethod
    def from_iterable(cls, iterables):
        self = cls.__new__(cls)

        def gen():
            for it in iterables:
                yield from it
        self._it = gen()
        return self

    __class_getitem__ = classmethod(type(list[int]))


class compress(_Iter):
    """Return data elements corresponding to true selector elements."""
    __slots__ = ()

    def __init__(self, data, selectors):
        self._it = (d for d, s in zip(data, selectors) if s)


class dropwhile(_Iter):
    """Drop items from the iterable while predicate(item) is true."""
    __slots__ = ()

    def __init__(self, predicate, iterable):
        def gen(it):
            for x in it:
                if not predicate(x):
                    yield x
                    break
            yield from it
        self._it = gen(iter(iterable))


class filterfalse(_Iter):
    """Return those items of iterable for which function(item) is false."""
    __slots__ = ()

    def __init__(self, function, iterable):
        if function is None:
            function = bool
        self._it = (x for x in iterable if not function(x))


class _grouper(_Iter):
    __slots__ = ()


class groupby(_Iter):
    """make an iterator that returns consecutive keys and groups from the iterable"""
    __slots__ = ('_keyfunc', '_source', '_tgtkey', '_currkey', '_currvalue', '_id')

    def __init__(self, iterable, key=None):
        self._keyfunc = (lambda x: x) if key is None else key
        self._source = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = object()
        self._id = object()

    def __next__(self):
        self._id = object()
        while self._currkey == self._tgtkey:
            self._currvalue = next(self._source)
            self._currkey = self._keyfunc(self._currvalue)
        self._tgtkey = self._currkey
        g = _grouper()
        g._it = self._grouper(self._tgtkey, self._id)
        return (self._currkey, g)

    def _grouper(self, tgtkey, id):
        while self._id is id and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._source)
            except StopIteration:
                return
            self._currkey = self._keyfunc(self._currvalue)


class islice(_Iter):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object"""
    __slots__ = ()

    def __init__(self, iterable, *args):
        s = slice(*args)
        start, stop, step = s.start or 0, s.stop, s.step or 1
        for v, what in ((start, 'Indices'), (stop, 'Stop argument')):
            if v is not None and (not isinstance(v, int) or v < 0):
                if what == 'Stop argument':
                    raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
                raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if not isinstance(step, int) or step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")

        def gen(it):
            if stop is not None and start >= stop:
                for i, element in zip(range(stop), it):
                    pass
                return
            nexti = start
            i = 0
            for element in it:
                if i == nexti:
                    yield element
                    nexti += step
                    if stop is not None and nexti >= stop:
                        for _ in zip(range(stop - i - 1), it):
                            pass
                        return
                i += 1
        self._it = gen(iter(iterable))


class pairwise(_Iter):
    """Return an iterator of overlapping pairs taken from the input iterator."""
    __slots__ = ()

    def __init__(self, iterable):
        def gen(it):
            try:
                a = next(it)
            except StopIteration:
                return
            for b in it:
                yield a, b
                a = b
        self._it = gen(iter(iterable))


class starmap(_Iter):
    """Return an iterator whose values are returned from the function evaluated with
    an argument tuple taken from the given sequence."""
    __slots__ = ()

    def __init__(self, function, iterable):
        self._it = (function(*args) for args in iterable)


class takewhile(_Iter):
    """Return successive entries from an iterable as long as the predicate evaluates
    to true for each entry."""
    __slots__ = ()

    def __init__(self, predicate, iterable):
        def gen(it):
            for x in it:
                if predicate(x):
                    yield x
                else:
                    break
        self._it = gen(iter(iterable))


class _tee(_Iter):
    __slots__ = ()

    def __copy__(self):
        raise TypeError("tee objects cannot be copied in the simulator")


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for _ in range(n)]

    def gen(mybuf):
        while True:
            if not mybuf:
                try:
                    newval = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(newval)
            yield mybuf.pop(0)

    result = []
    for b in buffers:
        t = _tee()
        t._it = gen(b)
        result.append(t)
    return tuple(result)


class zip_longest(_Iter):
    """Return a zip_longest object whose .__next__() method returns a tuple."""
    __slots__ = ()

    def __init__(self, *args, fillvalue=None):
        def gen():
            iterators = [iter(it) for it in args]
            num_active = len(iterators)
            if not num_active:
                return
            while True:
                values = []
                for i, it in enumerate(iterators):
                    try:
                        value = next(it)
                    except StopIteration:
                        num_active -= 1
                        if not num_active:
                            return
                        iterators[i] = repeat(fillvalue)
                        value = fillvalue
                    values.append(value)
                yield tuple(values)
        self._it = gen()


class product(_Iter):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    __slots__ = ()

    def __init__(self, *args, repeat=1):
        pools = [tuple(pool) for pool in args] * repeat

        def gen():
            result = [[]]
            for pool in pools:
                result = [x + [y] for x in result for y in pool]
            for prod in result:
                yield tuple(prod)
        self._it = gen()


class permutations(_Iter):
    """Return successive r-length permutations of elements in the iterable."""
    __slots__ = ()

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r

        def gen():
            if r > n:
                return
            indices = list(range(n))
            cycles = list(range(n, n - r, -1))
            yield tuple(pool[i] for i in indices[:r])
            while n:
                for i in reversed(range(r)):
                    cycles[i] -= 1
                    if cycles[i] == 0:
                        indices[i:] = indices[i + 1:] + indices[i:i + 1]
                        cycles[i] = n - i
                    else:
                        j = cycles[i]
                        indices[i], indices[-j] = indices[-j], indices[i]
                        yield tuple(pool[i] for i in indices[:r])
                        break
                else:
                    return
        if r < 0:
            raise ValueError("r must be non-negative")
        self._it = gen()


class combinations(_Iter):
    """Return successive r-length combinations of elements in the iterable."""
    __slots__ = ()

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        n = len(pool)
        if r < 0:
            raise ValueError("r must be non-negative")

        def gen():
            if r > n:
                return
            indices = list(range(r))
            yield tuple(pool[i] for i in indices)
            while True:
                for i in reversed(range(r)):
                    if indices[i] != i + n - r:
                        break
                else:
                    return
                indices[i] += 1
                for j in range(i + 1, r):
                    indices[j] = indices[j - 1] + 1
                yield tuple(pool[i] for i in indices)
        self._it = gen()


class combinations_with_replacement(_Iter):
    """Return successive r-length combinations of elements in the iterable allowing
    individual elements to have successive repeats."""
    __slots__ = ()

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        n = len(pool)
        if r < 0:
            raise ValueError("r must be non-negative")

        def gen():
            if not n and r:
                return
            indices = [0] * r
            yield tuple(pool[i] for i in indices)
            while True:
                for i in reversed(range(r)):
                    if indices[i] != n - 1:
                        break
                else:
                    return
                indices[i:] = [indices[i] + 1] * (r - i)
                yield tuple(pool[i] for i in indices)
        self._it = gen()

