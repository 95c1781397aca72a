// The colour scheme a page starts in, set on the body as the header is parsed, before the text is
// painted (overrides/partials/javascripts/palette.html): the reader's stored choice, as the theme's
// own inline script sets it, or else the first scheme of mkdocs.yml whose media query matches,
// which is what the theme's palette chooses once its script runs, so that a reader whose system
// prefers the dark scheme does not see the light one first.
(function () {
  const ATTRIBUTES = {
    media: "data-md-color-media",
    scheme: "data-md-color-scheme",
    primary: "data-md-color-primary",
    accent: "data-md-color-accent",
  };
  const options = Array.from(document.querySelectorAll("[data-md-component=palette] input[data-md-color-media]"));
  function colorOf(option) {
    const color = {};
    for (const [key, name] of Object.entries(ATTRIBUTES)) color[key] = option.getAttribute(name);
    return color;
  }
  function optionFor(media) {
    return options.find(function (option) { return option.getAttribute(ATTRIBUTES.media) === media; });
  }
  const stored = __md_get("__palette");
  let color = stored && stored.color;
  if (!color) {
    const matching = options.find(function (option) { return matchMedia(option.getAttribute(ATTRIBUTES.media)).matches; });
    if (!matching) return;
    color = colorOf(matching);
  } else if (color.media === "(prefers-color-scheme)") {
    // The theme's automatic option: the colours of the option for the system's preference.
    const light = matchMedia("(prefers-color-scheme: light)").matches;
    const option = optionFor("(prefers-color-scheme: " + (light ? "light" : "dark") + ")");
    if (option) color = colorOf(option);
  }
  for (const [key, name] of Object.entries(ATTRIBUTES)) {
    if (color[key]) document.body.setAttribute(name, color[key]);
  }
})();
