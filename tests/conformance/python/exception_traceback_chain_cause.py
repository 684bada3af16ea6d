def load():
    try:
        {}["config"]
    except KeyError as e:
        raise ValueError("config missing") from e

try:
    load()
except ValueError as e:
    print(repr(e), repr(e.__cause__), type(e.__context__).__name__)
load()
