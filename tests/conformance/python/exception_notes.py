try:
    try:
        raise ValueError("base")
    except ValueError as e:
        e.add_note("extra context")
        raise
except ValueError as e:
    print(e, e.__notes__)
