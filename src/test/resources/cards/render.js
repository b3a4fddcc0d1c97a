// Renders one Adaptive Card into #card with the official renderer and returns what is cut off.
// Loaded by CardsRenderTest into a page that has adaptivecards.min.js.
window.renderCard = function (json, hostConfigJson) {
  const host = document.getElementById("card");
  host.innerHTML = "";
  // Teams shows a mention entity's "<at>Name</at>" as the highlighted name; so does this page.
  const mentions = ((json.msteams || {}).entities || []).filter((e) => e.type === "mention" && e.text);
  if (mentions.length > 0) {
    let text = JSON.stringify(json);
    mentions.forEach((m) => {
      text = text.split(JSON.stringify(m.text).slice(1, -1)).join(JSON.stringify(m.mentioned.name).slice(1, -1));
    });
    json = JSON.parse(text);
    json.msteams.entities = [];
  }
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(hostConfigJson);
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    // Teams-only properties (msteams, fallbacks the renderer resolves) are not defects of the card.
    if (e.phase !== undefined && e.event !== undefined && e.message && !/msteams/.test(e.message)) {
      console.log("renderer: " + e.message);
    }
  }
  const element = card.render();
  if (!element) {
    return ["the renderer produced nothing"];
  }
  host.appendChild(element);
  const box = host.getBoundingClientRect();
  const describe = (n) => (n.innerText || n.textContent || "").replace(/\s+/g, " ").trim().slice(0, 80);
  const seen = new Set();
  const candidates = host.querySelectorAll(".ac-textBlock, .ac-textRun, .ac-richTextBlock, .ac-pushButton, "
      + ".ac-pushButton > div, .ac-factset td, .ac-input label, .ac-input-container label, label");
  candidates.forEach((n) => {
    const text = describe(n);
    if (!text || seen.has(n)) {
      return;
    }
    seen.add(n);
    const style = getComputedStyle(n);
    if (n.scrollWidth > n.clientWidth + 1 && style.display !== "inline") {
      problems.push("cut off («" + text + "»: content " + n.scrollWidth + " px in a box of " + n.clientWidth + " px"
          + (style.textOverflow === "ellipsis" ? ", shown with an ellipsis" : "") + ")");
    }
    if (n.scrollHeight > n.clientHeight + 2 && style.overflowY === "hidden" && n.clientHeight > 0) {
      problems.push("cut off vertically («" + text + "»: " + n.scrollHeight + " px in " + n.clientHeight + " px)");
    }
    const r = n.getBoundingClientRect();
    if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
      problems.push("outside the card («" + text + "»)");
    }
  });
  if (host.scrollWidth > host.clientWidth + 1) {
    problems.push("the card is wider than " + host.clientWidth + " px (" + host.scrollWidth + " px)");
  }
  return problems;
};
