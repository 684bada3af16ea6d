const ids = [];
for (let i = 0; i < 5; i++) {
  ids.push(
    setTimeout(() => {
      console.log('timer', i);
      if (i === 1) {
        clearTimeout(ids[3]);
      }
    }, 10 * i),
  );
}
