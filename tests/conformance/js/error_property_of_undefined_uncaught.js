const data = { user: { name: 'Li' } };
console.log(data.user.name);
console.log(data.profile?.name);
console.log(data.profile.name);
