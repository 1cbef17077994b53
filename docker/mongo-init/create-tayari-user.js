// Run by the mongo image once, on the first start of an empty volume, as the root user. The app gets
// a user of its own that may read and write the tayari database only (not the root password).
const password = process.env.TAYARI_MONGO_PASSWORD;
if (!password) throw new Error('TAYARI_MONGO_PASSWORD must be set');
db.getSiblingDB('admin').createUser({
  user: 'tayari',
  pwd: password,
  roles: [{ role: 'readWrite', db: 'tayari' }],
});
