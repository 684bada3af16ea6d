"""ast: literal_eval of a source string; the syntax tree classes and parse() are
not modelled."""

__all__ = ["literal_eval"]


def literal_eval(node_or_string):
    """Evaluate a string holding a Python literal or container display."""
    if not isinstance(node_or_string, str):
        import _simulator
        _simulator.unsupported("ast.literal_eval of a syntax tree")
    source = node_or_string.lstrip(" \t")
    bad = _malformed(source)
    if bad is not None:
        line, name = bad
        if name is None:
            raise ValueError("malformed node or string: None")
        raise ValueError(f"malformed node or string on line {line}: "
                         f"<ast.{name} object at {hex(id(bad))}>")
    return eval(source, {"set": set})


def __getattr__(name):
    import _simulator
    _simulator.unsupported(f"ast.{name}")
