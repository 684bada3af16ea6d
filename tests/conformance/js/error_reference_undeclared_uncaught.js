function calc() {
  const total = 10;
  return totl * 2;
}
console.log(typeof totl);
calc();
