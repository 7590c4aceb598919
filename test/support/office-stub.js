// Stand-in for the Office.js CDN script in browser tests: Office.onReady, display language, document settings,
// CustomFunctions registry. Configure before the page loads with window.__OFFICE_STUB__ = { host, platform,
// displayLanguage, settings } (see browser.ts); Excel.run comes from a fake host script when a test installs one.
/* global window, setTimeout */
(function () {
  'use strict';
  var config = window.__OFFICE_STUB__ || {};
  var info = { host: config.host || 'Excel', platform: config.platform || 'OfficeOnline' };

  // What the page registered through CustomFunctions.associate, so tests can call the functions directly.
  var registry = {};
  window.__customFunctions = registry;

  function CustomFunctionsError(code, message) {
    this.code = code;
    this.message = message || '';
    this.name = 'CustomFunctions.Error';
  }
  CustomFunctionsError.prototype = Object.create(Error.prototype);
  CustomFunctionsError.prototype.constructor = CustomFunctionsError;

  window.CustomFunctions = {
    associate: function (idOrMappings, fn) {
      if (typeof idOrMappings === 'string') registry[idOrMappings.toUpperCase()] = fn;
      else
        Object.keys(idOrMappings).forEach(function (id) {
          registry[id.toUpperCase()] = idOrMappings[id];
        });
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
      busy: '#BUSY!',
      connect: '#CONNECT!',
      gettingData: '#GETTING_DATA',
    },
  };

  // Office.context.document.settings: set() changes the session copy, saveAsync() stores it in the "document",
  // which tests read back from window.__officeSettings (and pass as `settings` to open the same workbook again).
  var saved = JSON.parse(JSON.stringify(config.settings || {}));
  var current = JSON.parse(JSON.stringify(saved));
  window.__officeSettings = saved;
  var settings = {
    get: function (name) {
      return Object.prototype.hasOwnProperty.call(current, name) ? current[name] : null;
    },
    set: function (name, value) {
      current[name] = JSON.parse(JSON.stringify(value));
    },
    remove: function (name) {
      delete current[name];
    },
    saveAsync: function (options, callback) {
      var done = typeof options === 'function' ? options : callback;
      setTimeout(function () {
        saved = JSON.parse(JSON.stringify(current));
        window.__officeSettings = saved;
        if (done) done({ status: 'succeeded', value: undefined });
      }, 0);
    },
  };

  var ready = new Promise(function (resolve) {
    setTimeout(function () {
      resolve(info);
    }, 0);
  });

  window.Office = {
    HostType: {
      Excel: 'Excel',
      Word: 'Word',
      PowerPoint: 'PowerPoint',
      Outlook: 'Outlook',
      OneNote: 'OneNote',
    },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS', Android: 'Android' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      document: { settings: settings },
      displayLanguage: config.displayLanguage || 'zh-CN',
      contentLanguage: config.displayLanguage || 'zh-CN',
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
    },
    onReady: function (callback) {
      return ready.then(function (readyInfo) {
        if (callback) callback(readyInfo);
        return readyInfo;
      });
    },
  };

  // Like Office.js: an add-in that assigns Office.initialize instead of calling onReady is initialised too.
  ready.then(function (readyInfo) {
    if (typeof window.Office.initialize === 'function') window.Office.initialize(readyInfo.host);
  });
})();
