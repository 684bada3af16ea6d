console.log('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'));
console.log(['résumé', 'resume', 'Resume', 'rèsume'].sort((a, b) => a.localeCompare(b)));
console.log('a'.localeCompare('B'), 'a' < 'B');
console.log(['item10', 'item2', 'item1'].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
console.log('ä'.localeCompare('a', 'en', { sensitivity: 'base' }), 'a'.localeCompare('A', 'en', { sensitivity: 'accent' }));
console.log(['b', 'a', 'C'].sort(), ['b', 'a', 'C'].sort(Intl.Collator('en').compare));
