function f() {
  null.x;
}
f();
