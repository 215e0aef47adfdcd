/*
 * IOP Finder chat widget: the one script a site embeds.
 *
 *   <script src="https://<your host>/widget/iop-widget.js" data-rasa-url="https://<rasa host>" defer></script>
 *
 * It loads rasa-webchat 1.0.1 from beside itself (no CDN), connects it to Rasa's Socket.IO channel,
 * and fills in what the widget lacks for keyboard and screen-reader users: names for its buttons and
 * input, a live region for new messages, and quick replies that work with Enter and Space.
 * It never writes message text into the page itself: rasa-webchat renders text as React text nodes
 * or markdown with raw HTML escaped.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var base = script.src.replace(/[^/]*$/, "");
  var rasaUrl = script.getAttribute("data-rasa-url");

  function assign(element, attributes) {
    Object.keys(attributes).forEach(function (name) {
      if (element.getAttribute(name) !== attributes[name]) element.setAttribute(name, attributes[name]);
    });
  }

  /** Name the widget's controls and make its messages a live region (idempotent). */
  function describe(root) {
    var set = function (selector, attributes) {
      root.querySelectorAll(selector).forEach(function (element) { assign(element, attributes); });
    };
    set(".rw-messages-container", {
      role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Conversation with IOP Finder"
    });
    set("textarea.rw-new-message", { "aria-label": "Your message to IOP Finder" });
    set("button.rw-send", { "aria-label": "Send" });
    set("button.rw-close-button", { "aria-label": "Close the chat" });
    set(".rw-replies div.rw-reply", { role: "button", tabindex: "0" });
    root.querySelectorAll("button.rw-launcher").forEach(function (launcher) {
      var open = launcher.querySelector(".rw-close-launcher") !== null;
      assign(launcher, {
        "aria-label": open ? "Close the IOP Finder chat" : "Chat with IOP Finder: find a treatment program",
        "aria-expanded": open ? "true" : "false"
      });
    });
  }

  // Quick replies are <div>s with a click handler only: Enter and Space press them too.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target.matches && target.matches(".rw-reply[role=button]")) {
      event.preventDefault();
      target.click();
    }
  });

  function start() {
    // After the widget's own styles, so that ours win.
    var stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = base + "iop-widget.css";
    document.head.appendChild(stylesheet);
    var container = document.createElement("div");
    container.id = "rasaWebchatPro";
    document.body.appendChild(container);
    new MutationObserver(function () { describe(container); })
      .observe(container, { childList: true, subtree: true });
    window.WebChat.default({
      socketUrl: rasaUrl,
      socketPath: "/socket.io/",
      initPayload: "/greet",
      title: "IOP Finder",
      subtitle: "Demo - not medical advice",
      inputTextFieldHint: "Type your answer...",
      connectingText: "Connecting...",
      // The conversation is kept in this tab's sessionStorage (a reload keeps it, closing the tab
      // forgets it), and Rasa's session persistence keeps the dialogue under the same session id.
      params: { storage: "session" },
      withRules: false,
      showFullScreenButton: false,
      mainColor: "#0b5c73",
      userBackgroundColor: "#0b5c73",
      userTextColor: "#ffffff",
      assistBackgoundColor: "#eef3f5",
      assistTextColor: "#1d2733",
      customMessageDelay: function () { return 250; }
    }, container);
  }

  var library = document.createElement("script");
  library.src = base + "rasa-webchat.js";
  library.onload = start;
  document.head.appendChild(library);
})();
