// The three pictures of a kroniek page, drawn with Vega-Lite / Vega (bundled, no network): events per
// month and type (stacked bars; a click opens the search for that type and month), who acts on whom
// (a force-directed graph), and a map of event places on the bundled Natural Earth base map.
(function () {
  "use strict";
  var holder = document.getElementById("chart-data");
  if (!holder || typeof vegaEmbed === "undefined") { return; }
  var data = JSON.parse(holder.textContent);
  var box = document.querySelector(".charts");
  var base = box ? box.getAttribute("data-base-query") : "";
  var options = { actions: false, renderer: "svg" };
  window.kroniekCharts = { rendered: 0, errors: [] };

  function done(name) { return function (result) { window.kroniekCharts.rendered += 1; return result; }; }
  function failed(name) { return function (err) { window.kroniekCharts.errors.push(name + ": " + err); }; }
  function empty(el, text) { el.innerHTML = '<p class="muted">' + text + "</p>"; window.kroniekCharts.rendered += 1; }

  function monthEnd(month) {
    var parts = month.split("-"), y = +parts[0], m = +parts[1];
    var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return month + "-" + (last < 10 ? "0" : "") + last;
  }

  var timeline = document.getElementById("chart-timeline");
  if (timeline) {
    if (!data.by_month.length) { empty(timeline, "no events"); } else {
      vegaEmbed(timeline, {
        $schema: "https://vega.github.io/schema/vega-lite/v5.json",
        width: 360, height: 180,
        data: { values: data.by_month },
        mark: { type: "bar", cursor: "pointer" },
        encoding: {
          x: { field: "month", type: "ordinal", title: null, sort: "ascending" },
          y: { field: "n", type: "quantitative", aggregate: "sum", title: "event mentions", stack: "zero" },
          color: { field: "event", type: "nominal", title: "type", scale: { scheme: "tableau20" } },
          tooltip: [{ field: "month" }, { field: "event" }, { field: "n", aggregate: "sum", title: "mentions" }]
        }
      }, options).then(function (result) {
        result.view.addEventListener("click", function (event, item) {
          if (!item || !item.datum || !item.datum.event) { return; }
          var month = item.datum.month, query = "type=" + encodeURIComponent(item.datum.event);
          if (month && month !== "undated") { query += "&since=" + month + "-01&until=" + monthEnd(month); }
          window.location.href = "/search?" + (base ? base + "&" : "") + query;
        });
        return result;
      }).then(done("timeline"), failed("timeline"));
    }
  }

  var graph = document.getElementById("chart-graph");
  if (graph) {
    if (!data.edges.length) { empty(graph, "no actor acts on another here"); } else {
      var names = {}, nodes = [], links = [];
      data.edges.forEach(function (e) {
        [e.actor, e.recipient].forEach(function (n) { if (!(n in names)) { names[n] = nodes.length; nodes.push({ name: n }); } });
        links.push({ source: names[e.actor], target: names[e.recipient], n: e.n });
      });
      vegaEmbed(graph, {
        $schema: "https://vega.github.io/schema/vega/v5.json",
        width: 360, height: 260, autosize: "none",
        signals: [{ name: "cx", update: "width / 2" }, { name: "cy", update: "height / 2" }],
        data: [{ name: "node-data", values: nodes }, { name: "link-data", values: links }],
        scales: [{ name: "width", type: "sqrt", domain: { data: "link-data", field: "n" }, range: [1, 6] }],
        marks: [
          { name: "nodes", type: "symbol", zindex: 1, from: { data: "node-data" },
            encode: { enter: { fill: { value: "#2c5d8a" }, size: { value: 90 }, tooltip: { field: "name" } } },
            transform: [{ type: "force", iterations: 200, static: true,
              forces: [{ force: "center", x: { signal: "cx" }, y: { signal: "cy" } },
                       { force: "collide", radius: 22 }, { force: "nbody", strength: -60 },
                       { force: "link", links: "link-data", distance: 70 }] }] },
          { type: "text", from: { data: "nodes" }, zindex: 2,
            encode: { update: { x: { field: "x" }, y: { field: "y", offset: -8 }, text: { field: "datum.name" },
              align: { value: "center" }, fontSize: { value: 10 }, fill: { value: "#222" } } } },
          { type: "path", from: { data: "link-data" }, interactive: false,
            encode: { update: { stroke: { value: "#999" }, strokeOpacity: { value: 0.7 },
              strokeWidth: { scale: "width", field: "n" } } },
            transform: [{ type: "linkpath", shape: "line",
              sourceX: "datum.source.x", sourceY: "datum.source.y", targetX: "datum.target.x", targetY: "datum.target.y" }] }
        ]
      }, options).then(done("graph"), failed("graph"));
    }
  }

  var map = document.getElementById("chart-map");
  if (map) {
    var points = data.places.filter(function (p) { return p.lat !== null && p.lon !== null; })
      .map(function (p) { return Object.assign({ link: "/places/" + encodeURIComponent(p.name) }, p); });
    vegaEmbed(map, {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: 380, height: 220,
      projection: { type: "equalEarth" },
      layer: [
        { data: { url: "/_static/vendor/world-countries-110m.json", format: { type: "topojson", feature: "countries" } },
          mark: { type: "geoshape", fill: "#e8e8e8", stroke: "#fff", strokeWidth: 0.5 } },
        { data: { values: points },
          mark: { type: "circle", color: "#c0392b", opacity: 0.75, cursor: "pointer" },
          encoding: {
            longitude: { field: "lon", type: "quantitative" }, latitude: { field: "lat", type: "quantitative" },
            size: { field: "n", type: "quantitative", title: "events", scale: { range: [30, 600] } },
            href: { field: "link", type: "nominal" },
            tooltip: [{ field: "name", title: "place" }, { field: "country" }, { field: "n", title: "events" }]
          } }
      ]
    }, options).then(done("map"), failed("map"));
  }
})();
