// Progressive enhancement only: every page works without this script.
"use strict";

(function () {
  // Batch page: poll the job's status and move the progress bar; reload once the job has finished.
  var batch = document.getElementById("batch");
  if (batch && batch.dataset.running === "true") {
    var bar = document.getElementById("batch-progress");
    var done = document.getElementById("batch-done");
    var status = document.getElementById("batch-status");
    var poll = function () {
      fetch(batch.dataset.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (job) {
          bar.value = job.done;
          bar.textContent = job.done + " of " + job.total;
          done.textContent = String(job.done);
          if (job.status === "queued" || job.status === "running") {
            status.textContent = "Status: " + job.status + "; " + job.alerts + " alert(s).";
            window.setTimeout(poll, 1000);
          } else {
            window.location.reload();
          }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    };
    window.setTimeout(poll, 500);
  }

  // Disable the submit buttons of a form once it is sent, so a double click does not send a decision twice.
  document.querySelectorAll("form[method=post]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    });
  });
})();
