def area(w, h):
    return w * h

area(2, 3) = 6
