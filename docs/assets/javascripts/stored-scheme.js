// The colour scheme: the edition's own toggle (overrides/partials/palette.html), run as the header
// is parsed (overrides/partials/javascripts/palette.html), before the text is painted.
// - The page starts in the reader's stored choice (kept under the theme's key, "__palette", in the
//   theme's form), or else in the first scheme of mkdocs.yml whose media query matches, as the
//   theme would choose: a reader whose system prefers the dark scheme never sees the light one.
// - The toggle shows the button for the other scheme; choosing it sets the scheme's colours on
//   the body and stores the choice. Without a stored choice, a change of the system's preference
//   is followed.
// The whole page is restyled only when the reader switches, never as the page starts.
(function () {
  const form = document.querySelector("form[data-edition-palette]");
  if (!form) return;
  const ATTRIBUTES = {
    media: "data-md-color-media",
    scheme: "data-md-color-scheme",
    primary: "data-md-color-primary",
    accent: "data-md-color-accent",
  };
  const inputs = Array.from(form.querySelectorAll("input[data-md-color-media]"));

  function colorOf(input) {
    const color = {};
    for (const [key, name] of Object.entries(ATTRIBUTES)) color[key] = input.getAttribute(name);
    return color;
  }

  function matching() {
    return Math.max(0, inputs.findIndex((input) => matchMedia(input.getAttribute(ATTRIBUTES.media)).matches));
  }

  // The colours to set for an option: the theme's automatic option takes the system's scheme.
  function colorsFor(color) {
    if (color.media !== "(prefers-color-scheme)") return color;
    const light = matchMedia("(prefers-color-scheme: light)").matches;
    const input = inputs.find((option) => (
      option.getAttribute(ATTRIBUTES.media) === `(prefers-color-scheme: ${light ? "light" : "dark"})`
    ));
    return input ? Object.assign({}, color, colorOf(input), { media: color.media }) : color;
  }

  function show(index, color) {
    for (const [key, name] of Object.entries(ATTRIBUTES)) {
      if (color[key]) document.body.setAttribute(name, color[key]);
    }
    inputs.forEach((input, at) => {
      input.checked = at === index;
      const label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = at !== index;
    });
  }

  function choose(index) {
    const palette = { index, color: colorOf(inputs[index]) };
    // As the theme does: no colour transitions while the whole page changes scheme.
    document.body.setAttribute("data-md-color-switching", "");
    show(index, colorsFor(palette.color));
    __md_set("__palette", palette);
    setTimeout(() => document.body.removeAttribute("data-md-color-switching"));
  }

  const stored = __md_get("__palette");
  const start = stored && inputs[stored.index] ? stored.index : matching();
  show(start, colorsFor(stored && stored.color ? stored.color : colorOf(inputs[start])));

  form.addEventListener("change", (event) => {
    const index = inputs.indexOf(event.target);
    if (index >= 0) choose(index);
  });
  // Enter on the toggle switches too, as on the theme's.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = (Math.max(0, inputs.findIndex((input) => input.checked)) + 1) % inputs.length;
    inputs[next].click();
    inputs[next].focus();
  });
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", () => {
    if (!__md_get("__palette")) show(matching(), colorOf(inputs[matching()]));
  });
})();
