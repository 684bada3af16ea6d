// A syntax error in the main script: Node reports it with its loader frames.
const a = 1;
const b = (;
