const api = {
  getUser() {
    return { name: 'Ann' };
  },
};
console.log(api.getUser().name);
api.getUsers();
