"""Time access and conversions over a virtual clock: no snippet reads the machine's
clock. `time()` starts at 2024-01-01 00:00:00 UTC (1704067200.0) and advances only by
`sleep()`; `monotonic()`, `perf_counter()` and `process_time()` count the same virtual
seconds from 0. The local time zone is UTC. `strftime` formats as glibc does in the C
locale (with its `%-d` / `%_d` padding flags); `strptime` is datetime's."""

__all__ = ["altzone", "asctime", "ctime", "daylight", "gmtime", "localtime", "mktime",
           "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "process_time",
           "process_time_ns", "sleep", "strftime", "strptime", "struct_time", "time",
           "time_ns", "timezone", "tzname"]

_START_NS = 1704067200 * 10 ** 9
_elapsed_ns = 0

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULLMONTHNAMES = [None, "January", "February", "March", "April", "May", "June",
                   "July", "August", "September", "October", "November", "December"]
_DAYNAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULLDAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                 "Saturday", "Sunday"]
_DAYS_BEFORE_MONTH = [-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def time():
    return (_START_NS + _elapsed_ns) / 10 ** 9


def time_ns():
    return _START_NS + _elapsed_ns


def monotonic():
    return _elapsed_ns / 10 ** 9


def monotonic_ns():
    return _elapsed_ns


perf_counter = monotonic
perf_counter_ns = monotonic_ns
process_time = monotonic
process_time_ns = monotonic_ns


def sleep(secs):
    """Advance the virtual clock by `secs` seconds."""
    global _elapsed_ns
    if not isinstance(secs, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)
    if secs != secs:
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    _elapsed_ns += round(secs * 10 ** 9)


def get_clock_info(name):
    raise ValueError("unknown clock")


# ---- calendar arithmetic (shared with datetime) --------------------------------------

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _ymd2ord(year, month, day):
    y = year - 1
    return (y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[month]
            + (month > 2 and _is_leap(year)) + day)


_EPOCH_ORDINAL = _ymd2ord(1970, 1, 1)


def _ord2ymd(n):
    """The (year, month, day) of proleptic Gregorian ordinal `n` (1 = 0001-01-01)."""
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding -= (31, 28 + leap, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return year, month, n - preceding + 1


def _isoweek1monday(year):
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > 3:
        week1monday += 7
    return week1monday


def _iso_calendar(year, month, day):
    y = year
    week1monday = _isoweek1monday(y)
    today = _ymd2ord(year, month, day)
    week, d = divmod(today - week1monday, 7)
    if week < 0:
        y -= 1
        week1monday = _isoweek1monday(y)
        week, d = divmod(today - week1monday, 7)
    elif week >= 52:
        if today >= _isoweek1monday(y + 1):
            y += 1
            week = 0
    return y, week + 1, d + 1


def _week_number(yday, wday, first):
    """%U (weeks start on Sunday, wday counted from Sunday) and %W (from Monday)."""
    return (yday + 7 - ((wday - first) % 7)) // 7


# ---- struct_time ---------------------------------------------------------------------

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
           "tm_yday", "tm_isdst")


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime()."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, extra=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)"
                            % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)"
                            % len(seq))
        self = super().__new__(cls, seq[:9])
        self._zone = seq[9] if len(seq) > 9 else None
        self._gmtoff = seq[10] if len(seq) > 10 else None
        return self

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join(
            "%s=%r" % (name, value) for name, value in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_time, (tuple(self) + (self._zone, self._gmtoff),))

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)


struct_time.__module__ = "time"


def _seconds(secs):
    if secs is None:
        return (_START_NS + _elapsed_ns) // 10 ** 9
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        import math
        return int(math.floor(secs))
    if isinstance(secs, int):
        return secs
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)


def gmtime(secs=None):
    return _broken_down(secs, "GMT")


def localtime(secs=None):
    return _broken_down(secs, "UTC")


def _broken_down(secs, zone):
    t = _seconds(secs)
    days, rem = divmod(t, 86400)
    hh, rem = divmod(rem, 3600)
    mm, ss = divmod(rem, 60)
    n = days + _EPOCH_ORDINAL
    if not 1 <= n <= 3652059:
        raise OverflowError("timestamp out of range for platform time_t")
    y, m, d = _ord2ymd(n)
    wday = (n + 6) % 7
    yday = _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d
    return struct_time((y, m, d, hh, mm, ss, wday, yday, 0, zone, 0))


def mktime(t):
    tt = tuple(t)
    if len(tt) != 9:
        raise TypeError("mktime(): illegal time tuple argument")
    y, m, d, hh, mm, ss = tt[:6]
    m0 = m - 1
    y += m0 // 12
    m = m0 % 12 + 1
    days = _ymd2ord(y, m, 1) + d - 1 - _EPOCH_ORDINAL
    return float(days * 86400 + hh * 3600 + mm * 60 + ss)


def asctime(t=None):
    if t is None:
        t = localtime()
    tt = tuple(t)
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYNAMES[tt[6]], _MONTHNAMES[tt[1]], tt[2],
                                           tt[3], tt[4], tt[5], tt[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    import datetime
    tt = datetime._strptime(data_string, format)[0]
    return struct_time(tt[:9] + ("UTC" if tt[9] is None else None, tt[9]))


# ---- strftime ------------------------------------------------------------------------

def strftime(format, t=None):
    """Format a time tuple as glibc's strftime does in the C locale."""
    fmt = format
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    if t is None:
        t = localtime()
    tt = tuple(t)
    if len(tt) != 9:
        raise TypeError("strftime(): illegal time tuple argument")
    year, month, day, hour, minute, second, wday, yday = tt[:8]
    zone = getattr(t, "tm_zone", None)
    gmtoff = getattr(t, "tm_gmtoff", None)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != "%":
            out.append(c)
            continue
        if i >= n:
            out.append("%")
            break
        flag = ""
        if fmt[i] in "-_0^#":
            flag = fmt[i]
            i += 1
            if i >= n:
                out.append("%" + flag)
                break
        d = fmt[i]
        i += 1
        num = None
        width = 2
        pad = "0"
        if d == "a":
            s = _DAYNAMES[wday]
        elif d == "A":
            s = _FULLDAYNAMES[wday]
        elif d in "bh":
            s = _MONTHNAMES[month]
        elif d == "B":
            s = _FULLMONTHNAMES[month]
        elif d == "c":
            s = "%s %s %2d %02d:%02d:%02d %d" % (_DAYNAMES[wday], _MONTHNAMES[month],
                                                day, hour, minute, second, year)
        elif d == "C":
            s = ("%02d" if flag == "0" else "%d") % (year // 100)
        elif d == "d":
            num = day
        elif d == "D":
            s = "%02d/%02d/%02d" % (month, day, year % 100)
        elif d == "e":
            num = day
            pad = " "
        elif d == "F":
            s = "%d-%02d-%02d" % (year, month, day)
        elif d == "G":
            s = "%d" % _iso_calendar(year, month, day)[0]
        elif d == "g":
            num = _iso_calendar(year, month, day)[0] % 100
        elif d == "H":
            num = hour
        elif d == "I":
            num = hour % 12 or 12
        elif d == "j":
            num = yday
            width = 3
        elif d == "k":
            num = hour
            pad = " "
        elif d == "l":
            num = hour % 12 or 12
            pad = " "
        elif d == "m":
            num = month
        elif d == "M":
            num = minute
        elif d == "n":
            s = "\n"
        elif d == "p":
            s = "AM" if hour < 12 else "PM"
        elif d == "P":
            s = "am" if hour < 12 else "pm"
        elif d == "r":
            s = "%02d:%02d:%02d %s" % (hour % 12 or 12, minute, second,
                                       "AM" if hour < 12 else "PM")
        elif d == "R":
            s = "%02d:%02d" % (hour, minute)
        elif d == "s":
            s = "%d" % ((_ymd2ord(year, month, day) - _EPOCH_ORDINAL) * 86400
                        + hour * 3600 + minute * 60 + second)
        elif d == "S":
            num = second
        elif d == "t":
            s = "\t"
        elif d == "T":
            s = "%02d:%02d:%02d" % (hour, minute, second)
        elif d == "u":
            s = "%d" % (wday + 1)
        elif d == "U":
            num = _week_number(yday - 1, (wday + 1) % 7, 0)
        elif d == "V":
            num = _iso_calendar(year, month, day)[1]
        elif d == "w":
            s = "%d" % ((wday + 1) % 7)
        elif d == "W":
            num = _week_number(yday - 1, wday, 0)
        elif d == "x":
            s = "%02d/%02d/%02d" % (month, day, year % 100)
        elif d == "X":
            s = "%02d:%02d:%02d" % (hour, minute, second)
        elif d == "y":
            num = year % 100
        elif d == "Y":
            s = "%d" % year
        elif d == "z":
            off = gmtoff if gmtoff is not None else 0
            sign = "-" if off < 0 else "+"
            off = abs(off)
            s = "%s%02d%02d" % (sign, off // 3600, off // 60 % 60)
        elif d == "Z":
            s = zone if zone is not None else "UTC"
        elif d == "%":
            s = "%"
        else:
            s = "%" + flag + d
        if num is not None:
            if flag == "-":
                s = "%d" % num
            elif flag == "_":
                s = "%*d" % (width, num)
            elif flag == "0":
                s = "%0*d" % (width, num)
            else:
                s = ("%0*d" if pad == "0" else "%*d") % (width, num)
        elif flag == "^":
            s = s.upper()
        elif flag == "#":
            s = s.swapcase() if d in "aAbBh" else s
        out.append(s)
    return "".join(out)


