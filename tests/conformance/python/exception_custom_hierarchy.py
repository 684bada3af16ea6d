class AppError(Exception):
    """应用基础异常"""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
class NotFoundError(AppError):
    pass
def handle(action):
    try:
        action()
    except ValidationError as e:
        print("validation", e.field, "|", e)
    except AppError as e:
        print("app error", type(e).__name__, e)
    except Exception as e:
        print("other", repr(e))
def bad_field():
    raise ValidationError("email", "格式不正确")
def missing():
    raise NotFoundError("user 42")
handle(bad_field)
handle(missing)
handle(lambda: [][1])
print(issubclass(ValidationError, Exception), ValidationError.__mro__[1].__name__)
print(repr(ValidationError("f", "m")), ValidationError("f", "m").args)
raise NotFoundError("资源不存在")
