const graph = {
  A: ['B', 'C'],
  B: ['A', 'D', 'E'],
  C: ['A', 'F'],
  D: ['B'],
  E: ['B', 'F'],
  F: ['C', 'E'],
};
function bfs(start) {
  const visited = new Set([start]);
  const queue = [start];
  const order = [];
  while (queue.length) {
    const node = queue.shift();
    order.push(node);
    for (const next of graph[node]) {
      if (!visited.has(next)) {
        visited.add(next);
        queue.push(next);
      }
    }
  }
  return order;
}
function dfs(node, visited = new Set()) {
  visited.add(node);
  for (const next of graph[node]) if (!visited.has(next)) dfs(next, visited);
  return [...visited];
}
function shortestPath(from, to) {
  const prev = { [from]: null };
  const queue = [from];
  while (queue.length) {
    const n = queue.shift();
    if (n === to) break;
    for (const m of graph[n]) if (!(m in prev)) (prev[m] = n), queue.push(m);
  }
  const path = [];
  for (let n = to; n !== null; n = prev[n]) path.unshift(n);
  return path;
}
console.log('BFS', bfs('A').join(' → '));
console.log('DFS', dfs('A').join(' → '));
console.log('path', shortestPath('D', 'F'));
