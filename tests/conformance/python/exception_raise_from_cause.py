class ConfigError(Exception):
    pass
def load(cfg, key):
    try:
        return int(cfg[key])
    except KeyError as e:
        raise ConfigError(f"missing key {key}") from e
    except ValueError as e:
        raise ConfigError(f"bad value for {key}") from None
for key in ["port", "host", "timeout"]:
    try:
        print(load({"port": "80", "host": "x"}, key))
    except ConfigError as e:
        print(e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__)
load({}, "port")
