const isPalindrome = (s) => {
  const clean = s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fa5]/g, '');
  return clean === [...clean].reverse().join('');
};
console.log(['A man, a plan, a canal: Panama', 'hello', '上海自来水来自海上'].map(isPalindrome));
const isAnagram = (a, b) => [...a].sort().join('') === [...b].sort().join('');
console.log(isAnagram('listen', 'silent'), isAnagram('abc', 'abd'));
const countChars = (s) => [...s].reduce((m, c) => m.set(c, (m.get(c) || 0) + 1), new Map());
console.log(countChars('hello 你好你'));
const truncate = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
console.log(truncate('JavaScript is fun', 10), truncate('short', 10));
const titleCase = (s) => s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
console.log(titleCase('the QUICK brown fox'));
const reverseWords = (s) => s.trim().split(/\s+/).reverse().join(' ');
console.log(reverseWords('  the sky  is blue '));
const longestWord = (s) => s.split(/\W+/).reduce((a, b) => (b.length > a.length ? b : a), '');
console.log(longestWord('I love programming in JavaScript!'));
console.log('abc'.split('').map((c) => c.charCodeAt(0).toString(2).padStart(8, '0')).join(' '));
