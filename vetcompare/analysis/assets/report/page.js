// The HTML report's one behaviour: a click on a comparison cell shows its statements in the panel.
// Every text is set with textContent (never parsed as HTML), so quotes and notes show as written.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vc-statements").textContent);
  var words = JSON.parse(document.getElementById("vc-words").textContent);
  var panel = document.getElementById("panel");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function statement(id) {
    var s = data[id];
    var box = el("article", "statement");
    box.id = "s-" + id;
    box.append(el("h4", null, s.phrase));
    var sentence = el("p", "sentence");
    var mark = el("mark", null, s.span);
    if (s.start !== null) { mark.dataset.start = s.start; mark.dataset.end = s.end; }
    sentence.append(document.createTextNode(s.before), mark, document.createTextNode(s.after));
    box.append(sentence);
    var list = el("dl");
    s.fields.forEach(function (pair) { list.append(el("dt", null, pair[0]), el("dd", null, pair[1])); });
    box.append(list);
    if (s.repairs.length) {
      box.append(el("h5", null, words.repairs));
      var items = el("ul");
      s.repairs.forEach(function (r) { items.append(el("li", null, r)); });
      box.append(items);
    }
    return box;
  }

  function show(button) {
    document.querySelectorAll("button.cell[aria-pressed='true']").forEach(function (b) {
      b.setAttribute("aria-pressed", "false");
    });
    button.setAttribute("aria-pressed", "true");
    var ids = button.dataset.ids.split(" ");
    panel.replaceChildren(el("h3", null, button.dataset.head), el("p", "muted", words.count.replace("{n}", ids.length)));
    ids.forEach(function (id) { panel.append(statement(id)); });
    panel.scrollTop = 0;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.cell");
    if (button) { show(button); }
  });
})();
