"""traceback: format_exception_only, format_exception, format_exc, print_exc,
print_exception and print_last over the interpreter's own traceback text; frame
extraction (extract_tb, walk_stack, ...) is not modelled."""

import sys

__all__ = ["format_exception_only", "format_exception", "format_exc",
           "print_exception", "print_exc", "print_last"]

_sentinel = object()


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except BaseException:
        return f"<{what} {func.__name__}() failed>"


def _final_line(stype, value):
    valuestr = _safe_string(value, "exception")
    if value is None or not valuestr:
        return f"{stype}\n"
    return f"{stype}: {valuestr}\n"


def format_exception_only(exc, /, value=_sentinel):
    """The exception's last lines: `Type: message` (and a SyntaxError's source
    line and caret), as a list of strings ending in newlines."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    etype = type(value)
    stype = etype.__qualname__
    smod = etype.__module__
    if smod not in ("__main__", "builtins"):
        stype = f"{smod}.{stype}"
    if not isinstance(value, SyntaxError):
        lines = [_final_line(stype, value)]
    else:
        lines = _syntax_error_lines(stype, value)
    for note in getattr(value, "__notes__", None) or ():
        lines.append(f"{_safe_string(note, 'note')}\n")
    return lines


def _syntax_error_lines(stype, value):
    lines = []
    filename_suffix = ""
    if value.lineno is not None:
        lines.append(f'  File "{value.filename or "<string>"}", line {value.lineno}\n')
    elif value.filename is not None:
        filename_suffix = f" ({value.filename})"
    text = value.text
    if text is not None:
        rtext = text.rstrip("\n")
        ltext = rtext.lstrip(" \n\f")
        spaces = len(rtext) - len(ltext)
        lines.append(f"    {ltext}\n")
        if value.offset is not None:
            offset = value.offset
            end_offset = value.end_offset if value.end_offset not in (None, 0) else offset
            if offset == end_offset or end_offset == -1:
                end_offset = offset + 1
            colno = offset - 1 - spaces
            end_colno = end_offset - 1 - spaces
            if colno >= 0:
                caret = " " * colno + "^" * (end_colno - colno)
                lines.append(f"    {caret}\n")
    msg = value.msg or "<no detail available>"
    lines.append(f"{stype}: {msg}{filename_suffix}\n")
    return lines


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The traceback and exception lines `print_exception` would write."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    if limit is not None or not chain:
        import _simulator
        _simulator.unsupported("traceback.format_exception with limit or chain")
    entries = []
    for line in _format(value).splitlines(True):
        if line.startswith("    ") and entries and entries[-1].startswith("  File "):
            entries[-1] += line
        else:
            entries.append(line)
    return entries


def format_exc(limit=None, chain=True):
    """The traceback of the exception being handled, as one string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None,
                    chain=True):
    """Writes the traceback and exception to file (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def print_exc(limit=None, file=None, chain=True):
    """Prints the exception being handled, as the interpreter would."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Prints the last uncaught exception (sys.last_value)."""
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def __getattr__(name):
    import _simulator
    _simulator.unsupported(f"traceback.{name}")
