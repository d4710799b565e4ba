/*
 * The mailing editor. Its cockpit (send now, schedule, test) acts on the mailing as it is saved, so
 * while the form holds changes that are not saved it refuses and says so, rather than sending an
 * older version and losing the changes.
 */
var rbMailing = (function () {
  var changed = false;
  $(document).on('input change', '#mailing :input, #mailing [contenteditable]', function () {
    changed = true;
  });
  return {
    /** Content changed by the server but not saved (a CMS insert). */
    changed: function () {
      changed = true;
    },
    saved: function () {
      changed = false;
    },
    /** Whether the cockpit may act now; if not, the reason is shown. */
    mayAct: function () {
      if (changed) {
        PF('unsavedDialog').show();
        return false;
      }
      return true;
    }
  };
})();
