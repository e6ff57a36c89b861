/* Header search: queries the Pagefind index in /pagefind/ (built by the congress-search plugin)
   and lists results in Material's search markup. Pagefind fetches only the index chunks a query
   needs, all from this site: no request leaves it. */
(function () {
  "use strict";
  var script = document.currentScript;
  var box = document.querySelector("[data-cg-search]");
  if (!script || !box) return;
  var toggle = document.getElementById("__search");
  var input = box.querySelector("[data-cg-search-query]");
  var meta = box.querySelector("[data-cg-search-meta]");
  var list = box.querySelector("[data-cg-search-list]");
  var bundle = new URL(script.getAttribute("data-bundle"), document.baseURI);
  var root = new URL("..", bundle).pathname;
  var PAGE = 10;
  var pagefind = null;
  var current = null;
  var latest = 0;
  var timer = 0;

  // A large site's index is written in parts: the bundle folder holds the first, and its
  // parts.json lists the folders of the others. Without a readable list, the index is one part.
  function parts() {
    return fetch(new URL("parts.json", bundle).href)
      .then(function (response) {
        return response.ok ? response.json() : { parts: [] };
      })
      .then(function (manifest) {
        return (Array.isArray(manifest.parts) ? manifest.parts : [])
          .map(function (part) {
            return new URL(String(part), bundle);
          })
          .filter(function (url) {
            return url.origin === bundle.origin; // nothing from outside the site
          })
          .map(function (url) {
            return url.pathname;
          });
      })
      .catch(function () {
        return [];
      });
  }

  function load() {
    if (!pagefind) {
      var folders = parts();
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (api) {
        // Pagefind splits a Chinese query with the browser's word breaker (ICU), whose words
        // differ from the ones the index was built with (jieba): 白云镇 becomes 白云/镇 and the
        // station page is missed. An instance created while the page names no language leaves
        // the query as given, so run() can try both the browser's words and the index's own.
        var html = document.documentElement;
        var lang = html.getAttribute("lang");
        var instance;
        html.setAttribute("lang", "und");
        try {
          instance = api.createInstance({ baseUrl: root, excerptLength: 40 });
        } finally {
          if (lang === null) html.removeAttribute("lang");
          else html.setAttribute("lang", lang);
        }
        return instance
          .options({ baseUrl: root, excerptLength: 40 })
          .then(function () {
            return folders;
          })
          .then(function (merged) {
            // Every part before the first search: a merged index runs on this instance's wasm,
            // and a search lists the results of all parts together, by score.
            return Promise.all(
              merged.map(function (folder) {
                return instance.mergeIndex(folder, { baseUrl: root, excerptLength: 40 });
              })
            );
          })
          .then(function () {
            return instance;
          });
      });
      pagefind.catch(function () {
        meta.textContent = "搜索暂不可用：本网站的搜索索引尚未生成（预览时不生成）。";
      });
    }
    return pagefind;
  }

  var HAN = /\p{Script=Han}/u;
  var known = new Map();

  // Whether some indexed word starts with `term` (Pagefind matches words by prefix).
  function isPrefix(api, term) {
    if (!known.has(term)) {
      known.set(
        term,
        api.search(term).then(function (r) {
          return r.results.length > 0;
        })
      );
    }
    return known.get(term);
  }

  function browserWords(query) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return query;
    var segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    return Array.from(segmenter.segment(query))
      .filter(function (s) {
        return s.isWordLike;
      })
      .map(function (s) {
        return s.segment.toLowerCase();
      })
      .join(" ");
  }

  // Splits each run of Chinese characters into the longest words the index knows, left to
  // right: 白云镇全过程人民民主实践站 -> 白云镇 全过程 人民民主 实践站.
  async function words(api, query) {
    var out = [];
    var runs = query.toLowerCase().match(/\p{Script=Han}+|[^\s\p{P}\p{S}\p{Script=Han}]+/gu) || [];
    for (var run of runs) {
      if (!HAN.test(run)) {
        out.push(run);
        continue;
      }
      var chars = Array.from(run);
      var i = 0;
      while (i < chars.length) {
        var end = i;
        while (end < chars.length && (await isPrefix(api, chars.slice(i, end + 1).join("")))) end++;
        if (end === i) return []; // a character in no indexed word: the query is not on the site
        out.push(chars.slice(i, end).join(""));
        i = end;
      }
    }
    return out;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    // Pagefind's excerpt is the page's text, escaped by Pagefind, with <mark> around the hits.
    excerpt.innerHTML = data.excerpt;
    article.appendChild(title);
    article.appendChild(excerpt);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function more() {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button cg-search__more";
    button.textContent = "显示更多结果";
    button.addEventListener("click", function () {
      li.remove();
      render(current, list.children.length);
    });
    li.appendChild(button);
    return li;
  }

  function render(search, from) {
    var slice = search.results.slice(from, from + PAGE);
    return Promise.all(
      slice.map(function (r) {
        return r.data();
      })
    ).then(function (pages) {
      if (search !== current) return;
      pages.forEach(function (data) {
        list.appendChild(item(data));
      });
      if (search.results.length > from + PAGE) list.appendChild(more());
    });
  }

  function run() {
    var query = input.value.trim();
    if (!query) {
      latest++;
      current = null;
      list.textContent = "";
      meta.textContent = "输入关键词，如代表姓名、联络站名称";
      return;
    }
    meta.textContent = "正在搜索……";
    var ticket = ++latest;
    clearTimeout(timer);
    timer = setTimeout(function () {
      load()
        .then(function (api) {
          // The browser's words first (what Pagefind itself would search), then the index's
          // own words when those find nothing: between them a deputy's name, a station's full
          // name and a single term such as 联络站 or 票决制 all find their pages.
          return api.search(browserWords(query)).then(function (first) {
            if (first.results.length) return first;
            return words(api, query).then(function (terms) {
              return terms.length ? api.search(terms.join(" ")) : first;
            });
          });
        })
        .then(function (search) {
          if (ticket !== latest) return; // a newer query replaced this one
          current = search;
          list.textContent = "";
          return render(search, 0).then(function () {
            if (search !== current) return;
            // Announced once the results are on screen (the line is a polite live region).
            var n = search.results.length;
            meta.textContent = n ? "找到 " + n + " 个相关页面" : "没有找到与“" + query + "”相关的页面";
          });
        });
    }, 250);
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    input.focus();
    load();
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  box.querySelector("form").addEventListener("reset", function () {
    setTimeout(run, 0);
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
  }
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if (event.key === "Escape" && toggle && toggle.checked) {
      close();
    } else if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });
})();
