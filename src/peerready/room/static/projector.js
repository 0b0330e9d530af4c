// The projector page: counts change in place; another statement, round or the reveal redraws it.
"use strict";
(function () {
  var key = document.body.dataset.key;
  var events = new EventSource(document.body.dataset.events);
  events.onmessage = function (message) {
    var state = JSON.parse(message.data);
    if (state.key !== key) { window.location.reload(); return; }
    [["counted", state.counted], ["joined", state.joined], ["turned-away", state.turned_away]].forEach(
      function (pair) {
        var element = document.getElementById(pair[0]);
        if (element) { element.textContent = pair[1]; }
      }
    );
  };
})();
