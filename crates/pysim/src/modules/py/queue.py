"""FIFO, LIFO and priority queues with CPython 3.11's interface (`put`/`get` with
`block` and `timeout`, `qsize`, `empty`, `full`, `task_done`, `join`).

A snippet runs on one thread, so nothing can ever fill or drain a queue while a call
waits: a blocking call that would wait forever ends the run with `unsupported`, and
one with a timeout raises `Empty` / `Full` at once, as CPython does when the timeout
expires.
"""

import _simulator
from collections import deque
from heapq import heappush, heappop

__all__ = ["Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


class Empty(Exception):
    """Raised by a non-blocking `get` (or one whose timeout expired) on an empty queue."""


class Full(Exception):
    """Raised by a non-blocking `put` (or one whose timeout expired) on a full queue."""


Empty.__module__ = "_queue"
_simulator.set_tp_name(Empty, "_queue.Empty")


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """A first-in, first-out queue of at most `maxsize` items (unbounded if <= 0)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0

    def task_done(self):
        if self.unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self.unfinished_tasks -= 1

    def join(self):
        if self.unfinished_tasks:
            _simulator.unsupported(
                "queue.join() with unfinished tasks (it would wait forever: "
                "a snippet has one thread)")

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        if self.full():
            if not block:
                raise Full
            _check_timeout(timeout)
            if timeout is None:
                _simulator.unsupported(
                    "queue.put() on a full queue (it would wait forever: "
                    "a snippet has one thread)")
            raise Full
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        if not self._qsize():
            if not block:
                raise Empty
            _check_timeout(timeout)
            if timeout is None:
                _simulator.unsupported(
                    "queue.get() on an empty queue (it would wait forever: "
                    "a snippet has one thread)")
            raise Empty
        return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class PriorityQueue(Queue):
    """A queue that retrieves the lowest entry first (a heap)."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """A last-in, first-out queue (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._queue = deque()

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)

    def get(self, block=True, timeout=None):
        if not self._queue:
            if not block:
                raise Empty
            _check_timeout(timeout)
            if timeout is None:
                _simulator.unsupported(
                    "queue.SimpleQueue.get() on an empty queue (it would wait "
                    "forever: a snippet has one thread)")
            raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


SimpleQueue.__module__ = "_queue"
_simulator.set_tp_name(SimpleQueue, "_queue.SimpleQueue")
