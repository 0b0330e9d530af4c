// The phone's page: votes are sent without reloading (a tap is a vote), and the page is drawn
// anew when the facilitator opens another statement, a new round or reveals. Without this
// script the form still works as a plain form.
"use strict";
(function () {
  var key = document.body.dataset.key;
  var form = document.getElementById("ballot");
  var status = document.getElementById("status");
  var counted = document.getElementById("counted");
  var offline = document.getElementById("offline");

  function send() {
    var body = new URLSearchParams(new FormData(form));
    if (!body.get("value")) { return; }
    fetch("/vote", {
      method: "POST",
      body: body,
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (answer) {
        status.textContent = answer.message;
        if (response.status === 409) { window.location.reload(); }
      });
    }).catch(function () {
      offline.hidden = false;
    });
  }

  if (form) {
    form.addEventListener("change", function (event) {
      if (event.target.name === "value") { send(); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send();
    });
  }

  // A paused room is said in place, not by reloading: the server is about to stop, and the
  // page must stay to find the room again when the meeting resumes (then the key differs).
  var paused = false;
  var events = new EventSource("/events");
  events.onmessage = function (message) {
    var state = JSON.parse(message.data);
    if (state.key === "closed" && key !== "closed") {
      paused = true;
      offline.textContent = document.body.dataset.closed;
      offline.hidden = false;
      return;
    }
    offline.hidden = true;
    if (state.key !== key) { window.location.reload(); return; }
    if (counted) { counted.textContent = state.counted; }
  };
  events.onerror = function () {
    if (!paused) { offline.textContent = document.body.dataset.offline; }
    offline.hidden = false;
  };
})();
