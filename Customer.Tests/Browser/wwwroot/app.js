// A front-end of the Customer service, served from its own origin. The test sets
// window.customerService = { baseUrl, token } before the page loads.
(function () {
  'use strict';

  const config = window.customerService || {};
  const status = document.getElementById('status');
  const customerView = document.getElementById('customer');
  const errorView = document.getElementById('error');
  const badEmail = document.getElementById('bad-email');
  let current = null;

  // One MicroBase call: POST, JSON body, bearer token. The authorization header makes the
  // browser ask the service first with a CORS preflight. Returns the parsed envelope.
  async function call(method, body) {
    const response = await fetch(config.baseUrl + '/services/customer/v1/' + method, {
      method: 'POST',
      headers: {
        'authorization': 'Bearer ' + config.token,
        'content-type': 'application/json'
      },
      body: JSON.stringify(body)
    });
    const envelope = await response.json();
    if (!envelope.ok) {
      throw Object.assign(new Error(envelope.error), { envelope: envelope });
    }
    return envelope;
  }

  function showCustomer(customer) {
    current = customer;
    customerView.textContent = customer.firstName + ' ' + customer.lastName + ', version ' + customer.version;
  }

  function showError(error) {
    const envelope = error.envelope;
    if (!envelope) {
      // fetch rejects with a TypeError when CORS refuses the call or the network fails.
      errorView.textContent = 'Error: ' + error.message;
      return;
    }
    const details = Array.isArray(envelope.data) ? envelope.data.map(function (d) { return d.message; }) : [];
    errorView.textContent = 'Error: ' + envelope.error + (details.length ? ' \u2014 ' + details.join('; ') : '');
  }

  async function run(action) {
    status.textContent = 'working';
    errorView.textContent = '';
    try {
      await action();
    } catch (error) {
      showError(error);
    }
    status.textContent = 'done';
  }

  document.getElementById('create-update').addEventListener('click', function () {
    run(async function () {
      const created = await call('customer.create', {
        email: 'ada.' + Date.now() + '.' + Math.floor(Math.random() * 1e9) + '@example.com',
        password: 'correct horse battery staple',
        firstName: 'Ada',
        lastName: 'Byron',
        tags: ['VIP']
      });
      showCustomer(created.customer);
      const updated = await call('customer.update', { id: created.customer.id, lastName: 'Lovelace' });
      showCustomer(updated.customer);
      badEmail.disabled = false;
    });
  });

  badEmail.addEventListener('click', function () {
    run(async function () {
      const updated = await call('customer.update', { id: current.id, email: 'ada.example.com' });
      showCustomer(updated.customer);
    });
  });
})();
