"""Exceptions of the native `binascii` functions."""


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass
