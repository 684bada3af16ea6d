"""Decimal floating point after the General Decimal Arithmetic specification, as
CPython 3.11's `decimal` (libmpdec) behaves: exact construction, rounding to the
context's precision with its rounding mode, signals raised as
`decimal.X: [<class 'decimal.Y'>, ...]`, the C module's context repr, numeric hashes
equal to those of equal ints, floats and fractions.

A number is a sign (0 or 1), an integer coefficient and an exponent; the special
values carry the exponent 'F' (infinity), 'n' (quiet NaN) or 'N' (signalling NaN).
Transcendental functions (`exp`, `ln`, `log10`, non-integral powers) and the
digit-wise logical operations end the run with `unsupported`.
"""

import _simulator
import math as _math
from collections import namedtuple as _namedtuple

__all__ = [
    "Decimal", "Context", "DecimalTuple", "DefaultContext", "BasicContext",
    "ExtendedContext", "DecimalException", "Clamped", "InvalidOperation",
    "DivisionByZero", "Inexact", "Rounded", "Subnormal", "Overflow", "Underflow",
    "FloatOperation", "DivisionImpossible", "InvalidContext", "ConversionSyntax",
    "DivisionUndefined", "ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN",
    "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP",
    "setcontext", "getcontext", "localcontext", "MAX_PREC", "MAX_EMAX",
    "MIN_EMIN", "MIN_ETINY", "HAVE_THREADS", "HAVE_CONTEXTVAR",
]

__version__ = "1.70"
__libmpdec_version__ = "2.5.1"

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

DecimalTuple = _namedtuple("DecimalTuple", "sign digits exponent", module="decimal")


# -- signals ------------------------------------------------------------------------

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The order of libmpdec's signal map: the first trapped one is the exception raised.
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped]
# The conditions that are reported as InvalidOperation.
_CONDITIONS = [InvalidOperation, ConversionSyntax, DivisionImpossible,
               DivisionUndefined, InvalidContext]
# The order of the C module's Context repr.
_REPR_ORDER = [InvalidOperation, Clamped, DivisionByZero, Inexact, FloatOperation,
               Overflow, Rounded, Subnormal, Underflow]


def _signal_of(cond):
    return InvalidOperation if cond in _CONDITIONS else cond


# -- contexts -----------------------------------------------------------------------

class Context:
    """Precision, rounding, exponent limits, and the flags and traps of the signals."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        base = DefaultContext if "DefaultContext" in globals() else None
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else (
            base.rounding if base else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (base.Emin if base else -999999)
        self.Emax = Emax if Emax is not None else (base.Emax if base else 999999)
        self.capitals = capitals if capitals is not None else (
            base.capitals if base else 1)
        self.clamp = clamp if clamp is not None else (base.clamp if base else 0)
        self.flags = self._signal_dict(flags, None)
        default_traps = dict(base.traps) if base else {
            s: s in (InvalidOperation, DivisionByZero, Overflow) for s in _SIGNALS}
        self.traps = self._signal_dict(traps, default_traps)

    @staticmethod
    def _signal_dict(given, default):
        if given is None:
            return dict(default) if default is not None else {s: False for s in _SIGNALS}
        if isinstance(given, dict):
            d = {s: False for s in _SIGNALS}
            for k, v in given.items():
                d[k] = bool(v)
            return d
        return {s: s in given for s in _SIGNALS}

    def __setattr__(self, name, value):
        if name == "prec":
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not 1 <= value <= MAX_PREC:
                raise ValueError("valid range for prec is [1, MAX_PREC]")
        elif name == "rounding":
            if value not in _ROUNDINGS:
                raise TypeError(
                    "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, "
                    "ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, "
                    "ROUND_HALF_EVEN,\n   ROUND_05UP]")
        elif name == "Emin":
            if not MIN_EMIN <= value <= 0:
                raise ValueError("valid range for Emin is [MIN_EMIN, 0]")
        elif name == "Emax":
            if not 0 <= value <= MAX_EMAX:
                raise ValueError("valid range for Emax is [0, MAX_EMAX]")
        elif name in ("capitals", "clamp"):
            if value not in (0, 1):
                raise ValueError(f"valid values for {name} are 0 or 1")
        elif name not in ("flags", "traps"):
            raise AttributeError(f"'decimal.Context' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    def __repr__(self):
        def names(d):
            return "[" + ", ".join(s.__name__ for s in _REPR_ORDER if d.get(s)) + "]"
        return (f"Context(prec={self.prec}, rounding={self.rounding}, "
                f"Emin={self.Emin}, Emax={self.Emax}, capitals={self.capitals}, "
                f"clamp={self.clamp}, flags={names(self.flags)}, "
                f"traps={names(self.traps)})")

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def _signal(self, conds):
        """Records the conditions of one operation; raises if one is trapped."""
        trapped = []
        for c in conds:
            s = _signal_of(c)
            self.flags[s] = True
            if self.traps.get(s) and c not in trapped:
                trapped.append(c)
        if trapped:
            order = _CONDITIONS + _SIGNALS[1:]
            trapped.sort(key=order.index)
            first = next(s for s in _SIGNALS if any(_signal_of(c) is s for c in trapped))
            raise first(trapped)

    def create_decimal(self, num="0"):
        d = Decimal(num, self)
        if d._is_nan() and len(str(d._int)) > self.prec - self.clamp and d._int:
            self._signal([ConversionSyntax])
            return _NAN
        return _finish(d, self)

    def create_decimal_from_float(self, f):
        return _finish(Decimal.from_float(f), self)

    def __reduce__(self):
        return (Context, (self.prec, self.rounding, self.Emin, self.Emax,
                          self.capitals, self.clamp,
                          [s for s in _SIGNALS if self.flags[s]],
                          [s for s in _SIGNALS if self.traps[s]]))

    def _apply(self, name, *args):
        args = [_convert(a, self, strict=True) for a in args]
        return getattr(args[0], name)(*args[1:], context=self)

    def abs(self, a):
        return self._apply("__abs__", a)

    def add(self, a, b):
        return self._apply("_add", a, b)

    def subtract(self, a, b):
        return self._apply("_sub", a, b)

    def multiply(self, a, b):
        return self._apply("_mul", a, b)

    def divide(self, a, b):
        return self._apply("_truediv", a, b)

    def divide_int(self, a, b):
        return self._apply("_floordiv", a, b)

    def remainder(self, a, b):
        return self._apply("_mod", a, b)

    def divmod(self, a, b):
        return self._apply("_divmod", a, b)

    def power(self, a, b, modulo=None):
        if modulo is not None:
            _simulator.unsupported("decimal power with a modulo")
        return self._apply("_pow", a, b)

    def plus(self, a):
        return self._apply("__pos__", a)

    def minus(self, a):
        return self._apply("__neg__", a)

    def sqrt(self, a):
        return self._apply("sqrt", a)

    def quantize(self, a, b):
        return self._apply("quantize", a, b)

    def compare(self, a, b):
        return self._apply("compare", a, b)

    def max(self, a, b):
        return self._apply("max", a, b)

    def min(self, a, b):
        return self._apply("min", a, b)

    def normalize(self, a):
        return self._apply("normalize", a)

    def to_integral_value(self, a):
        return self._apply("to_integral_value", a)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return self._apply("to_integral_exact", a)

    def to_sci_string(self, a):
        return _convert(a, self, strict=True).__str__(context=self)

    def to_eng_string(self, a):
        return _convert(a, self, strict=True).to_eng_string(context=self)

    def is_zero(self, a):
        return _convert(a, self, strict=True).is_zero()

    def is_signed(self, a):
        return _convert(a, self, strict=True).is_signed()

    def is_nan(self, a):
        return _convert(a, self, strict=True).is_nan()

    def is_finite(self, a):
        return _convert(a, self, strict=True).is_finite()

    def is_infinite(self, a):
        return _convert(a, self, strict=True).is_infinite()

    def copy_abs(self, a):
        return _convert(a, self, strict=True).copy_abs()

    def copy_negate(self, a):
        return _convert(a, self, strict=True).copy_negate()

    def radix(self):
        return Decimal(10)


_current = None


def getcontext():
    """The current context (there is one thread)."""
    global _current
    if _current is None:
        _current = DefaultContext.copy()
    return _current


def setcontext(context):
    """Makes `context` the current context."""
    global _current
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current = context


class _ContextManager:
    def __init__(self, ctx):
        self.new_context = ctx

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *args):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager that makes a copy of `ctx` (or of the current context),
    with `kwargs` set on it, current for the duration of a `with` block."""
    if ctx is None:
        ctx = getcontext()
    new = ctx.copy()
    for k, v in kwargs.items():
        if k not in ("prec", "rounding", "Emin", "Emax", "capitals", "clamp",
                     "flags", "traps"):
            raise TypeError(f"'{k}' is an invalid keyword argument for this function")
        setattr(new, k, v)
    return _ContextManager(new)


# -- rounding -----------------------------------------------------------------------

def _digits(n):
    return len(str(n)) if n else 1


def _round_coeff(sign, coeff, drop, rounding):
    """Drops `drop` > 0 trailing digits of `coeff`: (new coefficient, inexact)."""
    if drop > _digits(coeff) + 1:
        q, r, half_cmp = 0, coeff, -1 if coeff else 0
    else:
        p = 10 ** drop
        q, r = divmod(coeff, p)
        half = 5 * p // 10
        half_cmp = (r > half) - (r < half)
    if r == 0:
        return q, False
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_HALF_UP:
        up = half_cmp >= 0
    elif rounding == ROUND_HALF_DOWN:
        up = half_cmp > 0
    elif rounding == ROUND_HALF_EVEN:
        up = half_cmp > 0 or (half_cmp == 0 and q % 2 == 1)
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    else:
        up = q % 10 in (0, 5)
    return q + up, True


def _dec(sign, coeff, exp):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coeff
    d._exp = exp
    d._is_special = isinstance(exp, str)
    return d


def _overflow_result(sign, ctx):
    r = ctx.rounding
    if (r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (r == ROUND_CEILING and sign == 0) or (r == ROUND_FLOOR and sign == 1)):
        return _dec(sign, 0, "F")
    return _dec(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


def _fix(d, ctx, conds):
    """`d` rounded to the context (precision, exponent range), appending signals."""
    if d._is_special:
        return d
    etiny = ctx.Emin - ctx.prec + 1
    etop = ctx.Emax - ctx.prec + 1
    if d._int == 0:
        exp_max = ctx.Emax if ctx.clamp == 0 else etop
        new_exp = min(max(d._exp, etiny), exp_max)
        if new_exp != d._exp:
            conds.append(Clamped)
            return _dec(d._sign, 0, new_exp)
        return d
    nd = _digits(d._int)
    exp_min = nd + d._exp - ctx.prec
    if exp_min > etop:
        conds.extend([Overflow, Inexact, Rounded])
        return _overflow_result(d._sign, ctx)
    subnormal = exp_min < etiny
    if subnormal:
        exp_min = etiny
    if d._exp < exp_min:
        coeff, inexact = _round_coeff(d._sign, d._int, exp_min - d._exp, ctx.rounding)
        if _digits(coeff) > ctx.prec:
            coeff //= 10
            exp_min += 1
            if exp_min > etop:
                conds.extend([Overflow, Inexact, Rounded])
                return _overflow_result(d._sign, ctx)
        if subnormal:
            conds.append(Subnormal)
            if inexact:
                conds.append(Underflow)
        if inexact:
            conds.append(Inexact)
        conds.append(Rounded)
        if coeff == 0 and subnormal and inexact:
            conds.append(Clamped)
        return _dec(d._sign, coeff, exp_min)
    if subnormal:
        conds.append(Subnormal)
    if ctx.clamp == 1 and d._exp > etop:
        conds.append(Clamped)
        return _dec(d._sign, d._int * 10 ** (d._exp - etop), etop)
    return d


def _finish(d, ctx, conds=None):
    conds = [] if conds is None else conds
    d = _fix(d, ctx, conds)
    ctx._signal(conds)
    return d


def _rescale(d, exp, rounding):
    """`d` with exponent `exp`, rounding when digits are dropped (no signals)."""
    if d._is_special:
        return d
    if d._int == 0:
        return _dec(d._sign, 0, exp)
    if d._exp >= exp:
        return _dec(d._sign, d._int * 10 ** (d._exp - exp), exp)
    coeff, _ = _round_coeff(d._sign, d._int, exp - d._exp, rounding)
    return _dec(d._sign, coeff, exp)


def _invalid(ctx, cond=InvalidOperation):
    ctx._signal([cond])
    return _NAN


# -- conversions --------------------------------------------------------------------

def _parse(s):
    """(sign, coeff, exp) of a numeric string, or None when it is not one."""
    s = s.strip()
    if "_" in s:
        for i, c in enumerate(s):
            if c == "_" and not (0 < i < len(s) - 1 and s[i - 1].isdigit()
                                 and s[i + 1].isdigit()):
                return None
        s = s.replace("_", "")
    sign = 0
    if s[:1] in "+-" and s:
        sign = 1 if s[0] == "-" else 0
        s = s[1:]
    low = s.lower()
    if low in ("inf", "infinity"):
        return sign, 0, "F"
    for prefix, code in (("snan", "N"), ("nan", "n")):
        if low.startswith(prefix):
            payload = low[len(prefix):]
            if payload == "":
                return sign, 0, code
            if payload.isdigit() and payload.isascii():
                return sign, int(payload), code
            return None
    mant, e, exp_part = low.partition("e")
    exp = 0
    if e:
        body = exp_part[1:] if exp_part[:1] in "+-" else exp_part
        if not body.isdigit() or not body.isascii():
            return None
        exp = int(exp_part)
    ip, dot, fp = mant.partition(".")
    if not (ip or fp) or (ip and not (ip.isdigit() and ip.isascii())) or \
            (fp and not (fp.isdigit() and fp.isascii())):
        return None
    return sign, int(ip + fp), exp - len(fp)


def _from_float(f):
    if _math.isnan(f):
        return _dec(0 if _math.copysign(1.0, f) > 0 else 1, 0, "n")
    sign = 0 if _math.copysign(1.0, f) > 0 else 1
    if _math.isinf(f):
        return _dec(sign, 0, "F")
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1
    return _dec(sign, n * 5 ** k, -k)


def _convert(other, ctx=None, strict=False, floats=False):
    """`other` as a Decimal, or NotImplemented (a TypeError when `strict`)."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _dec(1 if other < 0 else 0, abs(other), 0)
    if floats and isinstance(other, float):
        (ctx or getcontext())._signal([FloatOperation])
        return _from_float(other)
    if strict:
        raise TypeError(f"conversion from {type(other).__name__} to Decimal is not supported")
    return NotImplemented


# -- the number ---------------------------------------------------------------------

class Decimal:
    """A decimal floating-point number."""

    __slots__ = ("_sign", "_int", "_exp", "_is_special")

    def __new__(cls, value="0", context=None):
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                ctx = context or getcontext()
                ctx._signal([ConversionSyntax])
                return _NAN
            d = _dec(*parsed)
        elif isinstance(value, Decimal):
            d = _dec(value._sign, value._int, value._exp)
        elif isinstance(value, int):
            d = _dec(1 if value < 0 else 0, abs(value), 0)
        elif isinstance(value, float):
            (context or getcontext())._signal([FloatOperation])
            d = _from_float(value)
        elif isinstance(value, (tuple, list)):
            d = cls._from_tuple(value)
        else:
            raise TypeError(f"conversion from {type(value).__name__} to Decimal is not supported")
        if cls is not Decimal:
            sub = object.__new__(cls)
            sub._sign, sub._int, sub._exp, sub._is_special = d._sign, d._int, d._exp, d._is_special
            return sub
        return d

    @staticmethod
    def _from_tuple(value):
        if len(value) != 3:
            raise ValueError("argument must be a sequence of length 3")
        sign, digits, exp = value
        if sign not in (0, 1):
            raise ValueError("sign must be an integer with the value 0 or 1")
        if exp == "F":
            return _dec(sign, 0, "F")
        coeff = 0
        for dg in digits:
            if not isinstance(dg, int) or not 0 <= dg <= 9:
                raise ValueError("coefficient must be a tuple of digits")
            coeff = coeff * 10 + dg
        if exp in ("n", "N"):
            return _dec(sign, coeff, exp)
        if not isinstance(exp, int):
            raise ValueError("exponent must be an integer")
        return _dec(sign, coeff, exp)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = _dec(1 if f < 0 else 0, abs(f), 0)
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError("argument must be int or float")
        return d if cls is Decimal else cls(d)

    # -- classification

    def _is_nan(self):
        return self._exp in ("n", "N") if self._is_special else False

    def is_nan(self):
        return self._is_nan()

    def is_snan(self):
        return self._exp == "N"

    def is_qnan(self):
        return self._exp == "n"

    def is_infinite(self):
        return self._exp == "F"

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._is_special or self._int == 0:
            return False
        return self.adjusted() >= (context or getcontext()).Emin

    def is_subnormal(self, context=None):
        if self._is_special or self._int == 0:
            return False
        return self.adjusted() < (context or getcontext()).Emin

    def adjusted(self):
        if self._is_special:
            return 0
        return self._exp + _digits(self._int) - 1

    def number_class(self, context=None):
        ctx = context or getcontext()
        if self.is_snan():
            return "sNaN"
        if self.is_qnan():
            return "NaN"
        s = "-" if self._sign else "+"
        if self.is_infinite():
            return s + "Infinity"
        if self.is_zero():
            return s + "Zero"
        if self.is_subnormal(ctx):
            return s + "Subnormal"
        return s + "Normal"

    def canonical(self):
        return self

    def radix(self):
        return Decimal(10)

    # -- strings

    def __str__(self, eng=False, context=None):
        sign = "-" if self._sign else ""
        if self._is_special:
            if self._exp == "F":
                return sign + "Infinity"
            payload = str(self._int) if self._int else ""
            return sign + ("NaN" if self._exp == "n" else "sNaN") + payload
        digits = str(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = "0"
            fracpart = "." + "0" * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + "0" * (dotplace - len(digits))
            fracpart = ""
        else:
            intpart = digits[:dotplace]
            fracpart = "." + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ""
        else:
            capitals = (context or getcontext()).capitals
            exp = ("E" if capitals else "e") + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def as_tuple(self):
        digits = tuple(int(c) for c in str(self._int)) if (self._int or not self._is_special) else ()
        if self._exp == "F":
            digits = (0,)
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self._is_nan():
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        if self._int == 0:
            return 0, 1
        n, d = self._int, 1
        if self._exp >= 0:
            n *= 10 ** self._exp
        else:
            d = 10 ** -self._exp
        g = _math.gcd(n, d)
        n //= g
        d //= g
        return (-n if self._sign else n), d

    def __format__(self, spec, context=None):
        return _format(self, spec, context or getcontext())

    # -- numbers

    def __bool__(self):
        return self._is_special or self._int != 0

    def __int__(self):
        if self._is_special:
            if self._is_nan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._is_nan():
            if self._exp == "N":
                raise ValueError("cannot convert signaling NaN to float")
            return float("-nan") if self._sign else float("nan")
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def _integral(self, rounding):
        if self._is_special:
            if self._is_nan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(_rescale(self, 0, rounding))

    def __round__(self, n=None):
        if n is None:
            return self._integral(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError("optional arg must be an integer")
        return self.quantize(_dec(0, 1, -n))

    def __floor__(self):
        return self._integral(ROUND_FLOOR)

    def __ceil__(self):
        return self._integral(ROUND_CEILING)

    def __hash__(self):
        if self._is_special:
            if self._exp == "N":
                raise TypeError("Cannot hash a signaling NaN value.")
            if self._exp == "n":
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        p = 2305843009213693951
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, p)
        else:
            exp_hash = pow(2075258708292324556, -self._exp, p)
        h = self._int * exp_hash % p
        h = -h if self._sign else h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- comparison

    def _compare_key(self, other):
        """-1, 0, 1 comparing finite or infinite (not NaN) values exactly."""
        if self._is_special or other._is_special:
            a = 0 if not self._is_special else (-1 if self._sign else 1)
            b = 0 if not other._is_special else (-1 if other._sign else 1)
            if a or b:
                if a == b:
                    return 0
                if a == 0:
                    return -b
                if b == 0:
                    return a
                return (a > b) - (a < b)
        if self._int == 0 and other._int == 0:
            return 0
        if self._int == 0:
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        sa, sb = self.adjusted(), other.adjusted()
        if sa != sb:
            r = 1 if sa > sb else -1
        else:
            e = min(self._exp, other._exp)
            x = self._int * 10 ** (self._exp - e)
            y = other._int * 10 ** (other._exp - e)
            r = (x > y) - (x < y)
        return -r if self._sign else r

    def _rational_cmp(self, other):
        """Compares with a fraction (numerator/denominator) exactly."""
        if self._is_special:
            return -1 if self._sign else 1
        n, d = self.as_integer_ratio()
        a = n * other.denominator
        b = other.numerator * d
        return (a > b) - (a < b)

    def _coerce_cmp(self, other, ordering):
        if isinstance(other, float):
            ctx = getcontext()
            if ordering:
                ctx._signal([FloatOperation])
            else:
                ctx.flags[FloatOperation] = True
            return _from_float(other)
        if isinstance(other, (Decimal, int)):
            return _convert(other)
        if hasattr(other, "numerator") and hasattr(other, "denominator") \
                and not isinstance(other, (Decimal, int)):
            return other
        if isinstance(other, complex) and not ordering:
            return _from_float(other.real) if other.imag == 0 else None
        return NotImplemented

    def _order(self, other, op):
        o = self._coerce_cmp(other, True)
        if o is NotImplemented or o is None:
            return NotImplemented
        if not isinstance(o, Decimal):
            if self._is_nan():
                getcontext()._signal([InvalidOperation])
                return False
            return op(self._rational_cmp(o))
        if self._is_nan() or o._is_nan():
            getcontext()._signal([InvalidOperation])
            return False
        return op(self._compare_key(o))

    def __eq__(self, other):
        o = self._coerce_cmp(other, False)
        if o is NotImplemented:
            return NotImplemented
        if o is None:
            return False
        if self.is_snan() or (isinstance(o, Decimal) and o.is_snan()):
            getcontext()._signal([InvalidOperation])
            return False
        if not isinstance(o, Decimal):
            return not self._is_nan() and self._rational_cmp(o) == 0
        if self._is_nan() or o._is_nan():
            return False
        return self._compare_key(o) == 0

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        ctx = context or getcontext()
        other = _convert(other, ctx, strict=True)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        return Decimal(self._compare_key(other))

    def compare_signal(self, other, context=None):
        ctx = context or getcontext()
        other = _convert(other, ctx, strict=True)
        if self._is_nan() or other._is_nan():
            return _invalid(ctx)
        return Decimal(self._compare_key(other))

    def _minmax(self, other, context, want_max, mag=False):
        ctx = context or getcontext()
        other = _convert(other, ctx, strict=True)
        if self._is_nan() or other._is_nan():
            if self.is_qnan() and not other._is_nan():
                return _finish(other, ctx)
            if other.is_qnan() and not self._is_nan():
                return _finish(self, ctx)
            return _check_nans(self, other, ctx)
        c = self.copy_abs()._compare_key(other.copy_abs()) if mag else 0
        if c == 0:
            c = self._compare_key(other) or self._total_tiebreak(other)
        return _finish(self if (c > 0) == want_max else other, ctx)

    def _total_tiebreak(self, other):
        """Orders numerically equal operands: -0 before 0, then by exponent."""
        if self._sign != other._sign:
            return -1 if self._sign else 1
        if self._exp == other._exp:
            return 0
        r = 1 if self._exp > other._exp else -1
        return -r if self._sign else r

    def max(self, other, context=None):
        return self._minmax(other, context, True)

    def min(self, other, context=None):
        return self._minmax(other, context, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, context, True, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, context, False, True)

    def same_quantum(self, other, context=None):
        other = _convert(other, context, strict=True)
        if self._is_special or other._is_special:
            return (self._is_nan() and other._is_nan()) or \
                (self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    # -- sign operations

    def copy_abs(self):
        return _dec(0, self._int, self._exp)

    def copy_negate(self):
        return _dec(1 - self._sign, self._int, self._exp)

    def copy_sign(self, other, context=None):
        other = _convert(other, context, strict=True)
        return _dec(other._sign, self._int, self._exp)

    def __neg__(self, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        sign = 1 - self._sign
        if not self._is_special and self._int == 0 and ctx.rounding != ROUND_FLOOR:
            sign = 0
        return _finish(_dec(sign, self._int, self._exp), ctx)

    def __pos__(self, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        sign = self._sign
        if not self._is_special and self._int == 0 and ctx.rounding != ROUND_FLOOR:
            sign = 0
        return _finish(_dec(sign, self._int, self._exp), ctx)

    def __abs__(self, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        return _finish(_dec(0, self._int, self._exp), ctx)

    # -- arithmetic

    def _add(self, other, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        if self._is_special or other._is_special:
            if self.is_infinite() and other.is_infinite() and self._sign != other._sign:
                return _invalid(ctx)
            return self if self.is_infinite() else other
        exp = min(self._exp, other._exp)
        neg_zero_sign = 1 if ctx.rounding == ROUND_FLOOR else 0
        if self._int == 0 and other._int == 0:
            sign = self._sign if self._sign == other._sign else neg_zero_sign
            return _finish(_dec(sign, 0, exp), ctx)
        if self._int == 0 or other._int == 0:
            nz = other if self._int == 0 else self
            exp = max(exp, nz._exp - ctx.prec - 1)
            conds = []
            r = _rescale(nz, exp, ctx.rounding) if exp > nz._exp else \
                _dec(nz._sign, nz._int * 10 ** (nz._exp - exp), exp)
            return _finish(r, ctx, conds)
        a, b = _align(self, other, ctx.prec)
        va = -a[1] if a[0] else a[1]
        vb = -b[1] if b[0] else b[1]
        total = va + vb
        if total == 0:
            return _finish(_dec(neg_zero_sign, 0, a[2]), ctx)
        return _finish(_dec(1 if total < 0 else 0, abs(total), a[2]), ctx)

    def _sub(self, other, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        return self._add(other.copy_negate(), ctx)

    def _mul(self, other, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            if (self.is_infinite() and other.is_zero()) or \
                    (other.is_infinite() and self.is_zero()):
                return _invalid(ctx)
            return _dec(sign, 0, "F")
        return _finish(_dec(sign, self._int * other._int, self._exp + other._exp), ctx)

    def _truediv(self, other, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            if self.is_infinite() and other.is_infinite():
                return _invalid(ctx)
            if self.is_infinite():
                return _dec(sign, 0, "F")
            ctx._signal([Clamped])
            return _dec(sign, 0, ctx.Etiny())
        if other._int == 0:
            if self._int == 0:
                return _invalid(ctx, DivisionUndefined)
            ctx._signal([DivisionByZero])
            return _dec(sign, 0, "F")
        if self._int == 0:
            return _finish(_dec(sign, 0, self._exp - other._exp), ctx)
        shift = _digits(other._int) - _digits(self._int) + ctx.prec + 1
        exp = self._exp - other._exp - shift
        if shift >= 0:
            coeff, rem = divmod(self._int * 10 ** shift, other._int)
        else:
            coeff, rem = divmod(self._int, other._int * 10 ** -shift)
        if rem:
            if coeff % 5 == 0:
                coeff += 1
        else:
            ideal = self._exp - other._exp
            while exp < ideal and coeff % 10 == 0:
                coeff //= 10
                exp += 1
        return _finish(_dec(sign, coeff, exp), ctx)

    def _divide_int(self, other, ctx):
        """(quotient, remainder) of finite operands, other != 0, or None."""
        sign = self._sign ^ other._sign
        ideal = min(self._exp, other._exp) if not other.is_infinite() else self._exp
        if other.is_infinite() or self._int == 0 or self.adjusted() - other.adjusted() <= -2:
            return _dec(sign, 0, 0), _rescale(self, ideal, ctx.rounding)
        if self.adjusted() - other.adjusted() <= ctx.prec:
            e = min(self._exp, other._exp)
            a = self._int * 10 ** (self._exp - e)
            b = other._int * 10 ** (other._exp - e)
            q, r = divmod(a, b)
            if q < 10 ** ctx.prec:
                return _dec(sign, q, 0), _dec(self._sign, r, ideal)
        return None

    def _int_division(self, other, ctx, want):
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return (nan, nan) if want == "both" else nan
        sign = self._sign ^ other._sign
        if self.is_infinite():
            if other.is_infinite():
                r = _invalid(ctx)
                return (r, r) if want == "both" else r
            if want == "div":
                return _dec(sign, 0, "F")
            r = _invalid(ctx)
            return (_dec(sign, 0, "F"), r) if want == "both" else r
        if not other._is_special and other._int == 0:
            if want == "mod" or self._int == 0:
                cond = DivisionUndefined if self._int == 0 else InvalidOperation
                r = _invalid(ctx, cond)
                return (r, r) if want == "both" else r
            ctx._signal([DivisionByZero])
            q = _dec(sign, 0, "F")
            if want == "both":
                return q, _invalid(ctx)
            return q
        qr = self._divide_int(other, ctx)
        if qr is None:
            r = _invalid(ctx, DivisionImpossible)
            return (r, r) if want == "both" else r
        q, r = qr
        conds = []
        r = _fix(r, ctx, conds)
        ctx._signal(conds)
        if want == "div":
            return q
        if want == "mod":
            return r
        return q, r

    def _floordiv(self, other, context=None):
        return self._int_division(other, context or getcontext(), "div")

    def _mod(self, other, context=None):
        return self._int_division(other, context or getcontext(), "mod")

    def _divmod(self, other, context=None):
        return self._int_division(other, context or getcontext(), "both")

    def remainder_near(self, other, context=None):
        ctx = context or getcontext()
        other = _convert(other, ctx, strict=True)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        if self.is_infinite() or other.is_zero():
            return _invalid(ctx, DivisionUndefined if self.is_zero() else InvalidOperation)
        if other.is_infinite():
            return _finish(self, ctx)
        qr = self._divide_int(other, ctx)
        if qr is None:
            return _invalid(ctx, DivisionImpossible)
        q, r = qr
        e = min(self._exp, other._exp)
        rv = r._int * 10 ** (r._exp - e)
        ov = other._int * 10 ** (other._exp - e)
        if 2 * rv > ov or (2 * rv == ov and q._int % 2 == 1):
            rv = ov - rv
            sign = 1 - self._sign
        else:
            sign = self._sign
        if 10 ** ctx.prec <= q._int + 1 and 2 * rv > ov:
            return _invalid(ctx, DivisionImpossible)
        return _finish(_dec(sign, rv, e), ctx)

    def _pow(self, other, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        integral = not other._is_special and (other._exp >= 0 or
                                              other._int % 10 ** -other._exp == 0)
        if not integral and not other.is_infinite():
            if self.is_zero() or self._sign:
                if self._sign and not self.is_zero():
                    return _invalid(ctx)
            else:
                _simulator.unsupported("decimal power with a non-integral exponent")
        if other.is_infinite() or self.is_infinite():
            _simulator.unsupported("decimal power of or to an infinity")
        n = int(other) if integral else 0
        if self.is_zero():
            if n == 0:
                return _invalid(ctx)
            sign = self._sign if n % 2 else 0
            if n < 0:
                return _dec(sign, 0, "F")
            return _finish(_dec(sign, 0, 0), ctx)
        sign = self._sign if n % 2 else 0
        if n == 0:
            return _finish(_dec(0, 1, 0), ctx)
        if _digits(self._int) * abs(n) > 20000:
            _simulator.unsupported("decimal power with a result of more than 20000 digits")
        exact = _dec(sign, self._int ** abs(n), self._exp * abs(n))
        if n > 0:
            return _finish(exact, ctx)
        return _dec(0, 1, 0)._truediv(exact, ctx)

    def fma(self, other, third, context=None):
        ctx = context or getcontext()
        other = _convert(other, ctx, strict=True)
        third = _convert(third, ctx, strict=True)
        big = Context(prec=MAX_PREC, Emin=MIN_EMIN, Emax=MAX_EMAX)
        product = self._mul(other, big)
        return product._add(third, ctx)

    def scaleb(self, other, context=None):
        ctx = context or getcontext()
        other = _convert(other, ctx, strict=True)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        if other._exp != 0 and not other._is_special:
            return _invalid(ctx)
        if self._is_special:
            return self
        return _finish(_dec(self._sign, self._int, self._exp + int(other)), ctx)

    def logb(self, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        if self.is_infinite():
            return _dec(0, 0, "F")
        if self.is_zero():
            ctx._signal([DivisionByZero])
            return _dec(1, 0, "F")
        return _finish(Decimal(self.adjusted()), ctx)

    def sqrt(self, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        if self.is_infinite():
            if self._sign:
                return _invalid(ctx)
            return self
        if self._int == 0:
            return _finish(_dec(self._sign, 0, self._exp // 2), ctx)
        if self._sign:
            return _invalid(ctx)
        prec = ctx.prec + 1
        e = self._exp >> 1
        nd = _digits(self._int)
        if self._exp & 1:
            c = self._int * 10
            ln = (nd >> 1) + 1
        else:
            c = self._int
            ln = (nd + 1) >> 1
        shift = prec - ln
        if shift >= 0:
            c *= 100 ** shift
            exact = True
        else:
            c, rem = divmod(c, 100 ** -shift)
            exact = not rem
        e -= shift
        n = _math.isqrt(c)
        exact = exact and n * n == c
        if exact:
            if shift >= 0:
                n //= 10 ** shift
            else:
                n *= 10 ** -shift
            e += shift
        elif n % 5 == 0:
            n += 1
        saved = ctx.rounding
        object.__setattr__(ctx, "rounding", ROUND_HALF_EVEN)
        try:
            return _finish(_dec(0, n, e), ctx)
        finally:
            object.__setattr__(ctx, "rounding", saved)

    def exp(self, context=None):
        _simulator.unsupported("Decimal.exp()")

    def ln(self, context=None):
        _simulator.unsupported("Decimal.ln()")

    def log10(self, context=None):
        if not self._is_special and not self._sign and self._int:
            s = str(self._int).rstrip("0")
            if s == "1":
                zeros = len(str(self._int)) - 1
                return _finish(Decimal(self._exp + zeros), context or getcontext())
        _simulator.unsupported("Decimal.log10() of a number that is not a power of ten")

    def _unsupported(name):
        def method(self, *args, **kwargs):
            _simulator.unsupported(f"Decimal.{name}()")
        method.__name__ = name
        return method

    next_plus = _unsupported("next_plus")
    next_minus = _unsupported("next_minus")
    next_toward = _unsupported("next_toward")
    compare_total = _unsupported("compare_total")
    compare_total_mag = _unsupported("compare_total_mag")
    logical_and = _unsupported("logical_and")
    logical_or = _unsupported("logical_or")
    logical_xor = _unsupported("logical_xor")
    logical_invert = _unsupported("logical_invert")
    rotate = _unsupported("rotate")
    shift = _unsupported("shift")
    del _unsupported

    def quantize(self, exp, rounding=None, context=None):
        ctx = context or getcontext()
        exp = _convert(exp, ctx, strict=True)
        rounding = rounding or ctx.rounding
        if self._is_special or exp._is_special:
            nan = _check_nans(self, exp, ctx)
            if nan is not None:
                return nan
            if self.is_infinite() and exp.is_infinite():
                return self
            return _invalid(ctx)
        e = exp._exp
        if not ctx.Etiny() <= e <= ctx.Emax:
            return _invalid(ctx)
        if self._int == 0:
            return _finish(_dec(self._sign, 0, e), ctx)
        if self.adjusted() > ctx.Emax or self.adjusted() - e + 1 > ctx.prec:
            return _invalid(ctx)
        ans = _rescale(self, e, rounding)
        if ans.adjusted() > ctx.Emax or _digits(ans._int) > ctx.prec:
            return _invalid(ctx)
        conds = []
        if ans._int and ans.adjusted() < ctx.Emin:
            conds.append(Subnormal)
        if ans._exp > self._exp:
            if ans._compare_key(self) != 0:
                conds.append(Inexact)
            conds.append(Rounded)
        return _finish(ans, ctx, conds)

    def normalize(self, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        conds = []
        d = _fix(self, ctx, conds)
        if d.is_infinite():
            ctx._signal(conds)
            return d
        if d._int == 0:
            ctx._signal(conds)
            return _dec(d._sign, 0, 0)
        exp_max = ctx.Emax if ctx.clamp == 0 else ctx.Etop()
        coeff, e = d._int, d._exp
        while coeff % 10 == 0 and e < exp_max:
            coeff //= 10
            e += 1
        ctx._signal(conds)
        return _dec(d._sign, coeff, e)

    def to_integral_value(self, rounding=None, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        if self._is_special or self._exp >= 0:
            return self
        return _rescale(self, 0, rounding or ctx.rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = context or getcontext()
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        if self._is_special or self._exp >= 0:
            return self
        if self._int == 0:
            return _dec(self._sign, 0, 0)
        ans = _rescale(self, 0, rounding or ctx.rounding)
        conds = [Rounded]
        if ans._compare_key(self) != 0:
            conds.insert(0, Inexact)
        ctx._signal(conds)
        return ans

    # -- operators

    def _binary(name, reflected=False, floats_ok=False):
        def op(self, other):
            o = _convert(other)
            if o is NotImplemented:
                return NotImplemented
            a, b = (o, self) if reflected else (self, o)
            return getattr(a, name)(b)
        return op

    __add__ = _binary("_add")
    __radd__ = _binary("_add", True)
    __sub__ = _binary("_sub")
    __rsub__ = _binary("_sub", True)
    __mul__ = _binary("_mul")
    __rmul__ = _binary("_mul", True)
    __truediv__ = _binary("_truediv")
    __rtruediv__ = _binary("_truediv", True)
    __floordiv__ = _binary("_floordiv")
    __rfloordiv__ = _binary("_floordiv", True)
    __mod__ = _binary("_mod")
    __rmod__ = _binary("_mod", True)
    __divmod__ = _binary("_divmod")
    __rdivmod__ = _binary("_divmod", True)
    __rpow__ = _binary("_pow", True)
    del _binary

    def __pow__(self, other, modulo=None):
        if modulo is not None:
            _simulator.unsupported("three-argument pow() of a Decimal")
        o = _convert(other)
        if o is NotImplemented:
            return NotImplemented
        return self._pow(o)


def _check_nans(a, b, ctx):
    """The NaN result of an operation with a NaN operand, or None."""
    for x in (a, b):
        if x is not None and x._exp == "N":
            ctx._signal([InvalidOperation])
            return _fix(_dec(x._sign, x._int, "n"), ctx, [])
    for x in (a, b):
        if x is not None and x._exp == "n":
            return _fix(x, ctx, [])
    return None


def _align(a, b, prec):
    """(sign, coeff, exp) pairs of two nonzero finite operands with a common exponent;
    an operand far below the other's last digit is replaced by a tiny stand-in that
    rounds the same way."""
    if a._exp < b._exp:
        hi, lo, swapped = b, a, True
    else:
        hi, lo, swapped = a, b, False
    hi_len = _digits(hi._int)
    lo_len = _digits(lo._int)
    exp = hi._exp + min(-1, hi_len - prec - 2)
    lo_t = (lo._sign, lo._int, lo._exp)
    if lo_len + lo._exp - 1 < exp:
        lo_t = (lo._sign, 1, exp)
    hi_t = (hi._sign, hi._int * 10 ** (hi._exp - lo_t[2]), lo_t[2])
    return (lo_t, hi_t) if swapped else (hi_t, lo_t)


# -- formatting ---------------------------------------------------------------------

def _parse_spec(spec):
    i = 0
    fill, align = " ", None
    if len(spec) >= 2 and spec[1] in "<>=^":
        fill, align = spec[0], spec[1]
        i = 2
    elif spec[:1] in ("<", ">", "=", "^"):
        align = spec[0]
        i = 1
    sign = "-"
    if spec[i:i + 1] in ("+", "-", " "):
        sign = spec[i]
        i += 1
    no_neg_0 = False
    if spec[i:i + 1] == "z":
        no_neg_0 = True
        i += 1
    alt = False
    if spec[i:i + 1] == "#":
        alt = True
        i += 1
    zeropad = False
    if spec[i:i + 1] == "0":
        zeropad = True
        i += 1
    j = i
    while spec[j:j + 1].isdigit():
        j += 1
    width = int(spec[i:j]) if j > i else 0
    i = j
    sep = ""
    if spec[i:i + 1] in (",", "_"):
        sep = spec[i]
        i += 1
    precision = None
    if spec[i:i + 1] == ".":
        j = i + 1
        while spec[j:j + 1].isdigit():
            j += 1
        if j == i + 1:
            raise ValueError("Invalid format specifier")
        precision = int(spec[i + 1:j])
        i = j
    typ = spec[i:] or None
    if typ is not None and (len(typ) != 1 or typ not in "eEfFgGn%"):
        raise ValueError("Invalid format specifier")
    if zeropad and align is None:
        fill, align = "0", "="
    if typ == "n" and sep:
        raise ValueError("Invalid format specifier")
    return dict(fill=fill, align=align or ">", sign=sign, alt=alt, zeropad=zeropad,
                width=width, sep=sep, precision=precision, type=typ, no_neg_0=no_neg_0)


def _format(d, spec_str, ctx):
    spec = _parse_spec(spec_str)
    sign = d._sign
    if d._is_special:
        body = str(_dec(0, d._int, d._exp))
        return _align_text(_sign_str(sign, spec), body, spec)
    typ = spec["type"]
    if typ is None or typ == "n":
        typ = "G" if (typ is None and ctx.capitals) else "g"
    if typ == "%":
        d = _dec(d._sign, d._int, d._exp + 2)
    prec = spec["precision"]
    rounding = ctx.rounding
    if prec is not None:
        if typ in "eE":
            d = _round_to_digits(d, prec + 1, rounding)
        elif typ in "fF%":
            d = _rescale(d, -prec, rounding)
        elif typ in "gG" and _digits(d._int) > max(prec, 1):
            d = _round_to_digits(d, max(prec, 1), rounding)
    if d._int == 0 and d._exp > 0 and typ in "fF%":
        d = _rescale(d, 0, rounding)
    if d._int == 0 and spec["no_neg_0"]:
        sign = 0
    digits = str(d._int)
    leftdigits = d._exp + len(digits)
    if typ in "eE":
        dotplace = 1 - prec if (d._int == 0 and prec is not None) else 1
    elif typ in "fF%":
        dotplace = leftdigits
    else:
        dotplace = leftdigits if (d._exp <= 0 and leftdigits > -6) else 1
    if dotplace < 0:
        intpart = "0"
        fracpart = "0" * (-dotplace) + digits
    elif dotplace > len(digits):
        intpart = digits + "0" * (dotplace - len(digits))
        fracpart = ""
    else:
        intpart = digits[:dotplace] or "0"
        fracpart = digits[dotplace:]
    exp = leftdigits - dotplace
    sign_s = _sign_str(sign, spec)
    if fracpart or spec["alt"]:
        fracpart = "." + fracpart
    if exp != 0 or typ in "eE":
        echar = {"E": "E", "e": "e", "G": "E", "g": "e"}[typ]
        fracpart += "{0}{1:+}".format(echar, exp)
    if typ == "%":
        fracpart += "%"
    if spec["zeropad"]:
        min_width = spec["width"] - len(fracpart) - len(sign_s)
    else:
        min_width = 0
    intpart = _group(intpart, spec["sep"], min_width)
    return _align_text(sign_s, intpart + fracpart, spec)


def _round_to_digits(d, n, rounding):
    drop = _digits(d._int) - n
    if drop <= 0 or d._int == 0:
        return d
    coeff, _ = _round_coeff(d._sign, d._int, drop, rounding)
    exp = d._exp + drop
    if _digits(coeff) > n:
        coeff //= 10
        exp += 1
    return _dec(d._sign, coeff, exp)


def _sign_str(sign, spec):
    if sign:
        return "-"
    return "" if spec["sign"] == "-" else spec["sign"]


def _group(intpart, sep, min_width):
    """`intpart` in groups of three digits, zero-padded to at least `min_width`."""
    if not sep:
        return intpart.rjust(min_width, "0")
    groups = []
    while True:
        n = min(max(len(intpart), min_width, 1), 3)
        groups.append(intpart[-n:].rjust(n, "0") if intpart else "0" * n)
        intpart = intpart[:-n] if len(intpart) > n else ""
        min_width -= n
        if not intpart and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _align_text(sign, body, spec):
    width = spec["width"]
    fill = spec["fill"]
    align = spec["align"]
    padding = max(0, width - len(sign) - len(body))
    if align == "<":
        return sign + body + fill * padding
    if align == ">":
        return fill * padding + sign + body
    if align == "=":
        return sign + fill * padding + body
    half = padding // 2
    return fill * half + sign + body + fill * (padding - half)


_NAN = _dec(0, 0, "n")

DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped,
                              Underflow], flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])

for _cls in (Decimal, Context, DecimalException, Clamped, InvalidOperation,
             ConversionSyntax, DivisionByZero, DivisionImpossible, DivisionUndefined,
             Inexact, InvalidContext, Rounded, Subnormal, Overflow, Underflow,
             FloatOperation):
    _simulator.set_tp_name(_cls, "decimal." + _cls.__name__)
del _cls

import numbers as _numbers

_numbers.Number.register(Decimal)
