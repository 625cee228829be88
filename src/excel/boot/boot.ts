// Runs first on the add-in's pages, in whatever webview Office chose. The bundles need a modern one
// (Microsoft Edge WebView2, Safari, a current browser for Excel on the web): zod evaluates BigInt
// as it loads, and the code uses globalThis, Object.hasOwn, flatMap, trimStart, Unicode property
// escapes, Proxy and Intl time zones, none of which Internet Explorer 11 or Microsoft Edge Legacy
// (EdgeHTML) has (test/scripts/bundle-targets.test.ts finds each in the bundles), and
// BigInt and Proxy cannot be polyfilled. So where one is missing, this says so plainly instead of
// leaving the pane at "Loading…"; elsewhere it loads the page's bundle. ES5, to run everywhere.

var OLD_HOST = {
  vi:
    "Add-in Chỉ tiêu không chạy được trong Excel này: Excel đang mở add-in bằng trình duyệt cũ " +
    "(Internet Explorer hoặc Microsoft Edge bản cũ). Cách khắc phục: cài “Microsoft Edge WebView2 " +
    "Runtime” (miễn phí, của Microsoft) và cập nhật Office, rồi mở lại Excel; hoặc dùng Excel trên " +
    "web (office.com). Office 2016 và 2019 bản cấp phép số lượng lớn (volume) không dùng được add-in này.",
  en:
    "The Indicators add-in cannot run in this Excel: Excel opens add-ins in an old browser " +
    "(Internet Explorer or the old Microsoft Edge). To fix it, install the “Microsoft Edge WebView2 " +
    "Runtime” (free, from Microsoft) and update Office, then restart Excel; or use Excel on the web " +
    "(office.com). Volume-licensed Office 2016 and 2019 cannot use this add-in.",
};

/** What the bundles use that this webview lacks; empty where they can run. */
function missingFeatures(): string[] {
  var w = window as unknown as Record<string, unknown>;
  var missing: string[] = [];
  var need = function (name: string, present: boolean) {
    if (!present) missing.push(name);
  };
  need("globalThis", typeof w["globalThis"] === "object");
  need(
    "Array.prototype.at",
    typeof (Array.prototype as unknown as Record<string, unknown>)["at"] === "function",
  );
  need(
    "Array.prototype.flatMap",
    typeof (Array.prototype as unknown as Record<string, unknown>)["flatMap"] === "function",
  );
  need(
    "Object.hasOwn",
    typeof (Object as unknown as Record<string, unknown>)["hasOwn"] === "function",
  );
  need(
    "Object.fromEntries",
    typeof (Object as unknown as Record<string, unknown>)["fromEntries"] === "function",
  );
  need(
    "String.prototype.trimStart",
    typeof (String.prototype as unknown as Record<string, unknown>)["trimStart"] === "function",
  );
  need("BigInt", typeof w["BigInt"] === "function");
  need("Proxy", typeof w["Proxy"] === "function");
  need("Promise", typeof w["Promise"] === "function");
  need("fetch", typeof w["fetch"] === "function");
  need("AbortController", typeof w["AbortController"] === "function");
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(0));
  } catch {
    missing.push("Intl time zones");
  }
  try {
    // zod's emoji pattern; built from a string, so an older parser fails here rather than on load.
    new RegExp("\\p{Extended_Pictographic}", "u");
  } catch {
    missing.push("RegExp Unicode property escapes");
  }
  try {
    // The bundles keep ES2017 syntax (async functions); a parser without it fails here, not there.
    new Function("return async function () { await 0; };");
  } catch {
    missing.push("ES2017 syntax");
  }
  return missing;
}

function showOldHost(): void {
  var app = document.getElementById("app");
  if (!app) return;
  while (app.firstChild) app.removeChild(app.firstChild);
  var vi = document.createElement("p");
  vi.className = "message error";
  vi.setAttribute("lang", "vi");
  vi.appendChild(document.createTextNode(OLD_HOST.vi));
  var en = document.createElement("p");
  en.className = "help";
  en.setAttribute("lang", "en");
  en.appendChild(document.createTextNode(OLD_HOST.en));
  app.appendChild(vi);
  app.appendChild(en);
}

/** On the ribbon's function file: the button answers with the notice dialog, then completes. */
function answerCommandsWithNotice(command: string): void {
  Office.onReady(function () {
    var handler = function (event: Office.AddinCommands.Event) {
      var url =
        location.href.replace(/[^/]*$/, "dialog.html") +
        "?vi=" +
        encodeURIComponent(OLD_HOST.vi) +
        "&en=" +
        encodeURIComponent(OLD_HOST.en);
      Office.context.ui.displayDialogAsync(url, { height: 40, width: 40 }, function (result) {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          event.completed();
          return;
        }
        var dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, function () {
          dialog.close();
          event.completed();
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, function () {
          event.completed();
        });
      });
    };
    Office.actions.associate(command, handler);
  });
}

function boot(): void {
  var root = document.documentElement;
  var bundle = root.getAttribute("data-bundle");
  var missing = missingFeatures();
  if (missing.length === 0 && bundle) {
    var script = document.createElement("script");
    script.src = bundle;
    document.body.appendChild(script);
    return;
  }
  var command = root.getAttribute("data-command");
  if (command) answerCommandsWithNotice(command);
  else showOldHost();
}

boot();
