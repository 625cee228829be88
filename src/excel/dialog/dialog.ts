// The notice dialog the ribbon command opens: the text comes in its address, and its one button asks
// the opener to close it. A dialog page may call only Office.context.ui.messageParent and
// Office.context.requirements.isSetSupported, so it does no more. ES5 on purpose: it also has to
// run in Internet Explorer's webview, to tell an officer there that the add-in cannot.

function queryParam(name: string): string {
  var match = new RegExp("[?&]" + name + "=([^&]*)").exec(location.search);
  return match ? decodeURIComponent(match[1]!.replace(/\+/g, " ")) : "";
}

function showNotice(): void {
  var vi = document.getElementById("vi");
  var en = document.getElementById("en");
  // textContent, never HTML: the text arrives in a URL anyone could have written.
  if (vi) vi.textContent = queryParam("vi");
  if (en) en.textContent = queryParam("en");
}

showNotice();
Office.onReady(function () {
  var button = document.getElementById("close");
  if (button) {
    button.onclick = function () {
      Office.context.ui.messageParent("close");
    };
  }
});
