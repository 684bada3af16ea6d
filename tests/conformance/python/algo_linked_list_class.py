class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self, values=()):
        self.head = None
        for v in reversed(values):
            self.head = Node(v, self.head)
    def __iter__(self):
        node = self.head
        while node:
            yield node.val
            node = node.next
    def __repr__(self):
        return " -> ".join(map(str, self)) + " -> None"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def middle(self):
        slow = fast = self.head
        while fast and fast.next:
            slow, fast = slow.next, fast.next.next
        return slow.val
    def has_cycle(self):
        slow = fast = self.head
        while fast and fast.next:
            slow, fast = slow.next, fast.next.next
            if slow is fast:
                return True
        return False
ll = LinkedList([1, 2, 3, 4, 5])
print(ll, ll.middle(), ll.has_cycle())
print(ll.reverse(), list(ll), len(list(ll)))
ll.head.next.next.next = ll.head.next
print(ll.has_cycle())
