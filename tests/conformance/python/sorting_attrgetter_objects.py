from operator import attrgetter
class Book:
    def __init__(self, title, year):
        self.title = title
        self.year = year
    def __repr__(self):
        return f"Book({self.title!r}, {self.year})"
books = [Book("三体", 2006), Book("Dune", 1965), Book("Neuromancer", 1984)]
print(sorted(books, key=attrgetter("year")))
print(sorted(books, key=lambda b: b.title))
print(min(books, key=attrgetter("year")).title)
books.sort(key=attrgetter("year"), reverse=True)
print(books)
