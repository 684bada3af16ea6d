const TodoStore = (function () {
  let todos = [];
  let nextId = 1;
  function add(text) {
    const todo = { id: nextId++, text, done: false };
    todos.push(todo);
    return todo;
  }
  function toggle(id) {
    const t = todos.find((x) => x.id === id);
    if (t) t.done = !t.done;
  }
  function stats() {
    const done = todos.filter((t) => t.done).length;
    return `${done}/${todos.length} 完成`;
  }
  return { add, toggle, stats, get all() { return todos.map((t) => ({ ...t })); } };
})();
TodoStore.add('学习闭包');
TodoStore.add('写笔记');
TodoStore.toggle(1);
console.log(TodoStore.stats());
console.log(TodoStore.all);
console.log(typeof todos, Object.keys(TodoStore));
const once = (fn) => {
  let done = false, result;
  return (...args) => (done ? result : ((done = true), (result = fn(...args))));
};
const init = once(() => {
  console.log('init runs once');
  return 42;
});
console.log(init(), init());
