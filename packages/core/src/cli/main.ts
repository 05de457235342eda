console.log('avepoint-users: not built yet');
