class Deck:
    ranks = [str(n) for n in range(2, 11)] + list("JQKA")
    suits = "♠ ♥ ♦ ♣".split()
    def __init__(self):
        self._cards = [(r, s) for s in self.suits for r in self.ranks]
    def __len__(self):
        return len(self._cards)
    def __getitem__(self, position):
        return self._cards[position]
deck = Deck()
print(len(deck), deck[0], deck[-1])
print(deck[:3], deck[12::13])
print(("A", "♥") in deck, ("Z", "♥") in deck)
for card in deck[:2]:
    print(card)
print(list(reversed(deck))[:2])
print(sorted(deck, key=lambda c: Deck.ranks.index(c[0]))[:4])
print(bool(deck), bool(Deck.__new__(Deck).__dict__))
