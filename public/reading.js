/*
 * The script of every page, one cached file (inline, it cost a section page about 1 KB gzip):
 * the language switcher keeps the block anchor, print shows the page's address, and on reading
 * pages the reading mode is remembered, searched words are marked in the target block, and the
 * cite links copy a citation. Loaded with defer by src/layouts/Base.astro.
 */
(function () {
  // Keep the reader on the same paragraph when switching language.
  document.querySelectorAll('.languages a').forEach(function (a) {
    a.addEventListener('click', function () { if (location.hash) a.href = a.href.split('#')[0] + location.hash; });
  });

  // Print the page's own address (without SITE, the build knows only the path).
  document.querySelectorAll('.print-url span').forEach(function (s) { s.textContent = location.href.split('#')[0]; });

  // Reading mode: English only / Chinese only / side by side, remembered (the head's inline script applies it before paint).
  var root = document.documentElement;
  document.querySelectorAll('input[name=reading]').forEach(function (input) {
    if (input.value === root.dataset.reading) input.checked = true;
    input.addEventListener('change', function () {
      root.dataset.reading = input.value;
      try { localStorage.setItem('reading', input.value); } catch (e) { /* storage disabled: the choice lasts for this page */ }
    });
  });

  // After a search: mark the searched words in the target block (?hl=…#block).
  var hl = new URLSearchParams(location.search).get('hl');
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (hl && target && target.closest('.reply-text')) {
    var words = hl.split(/\s+/).filter(function (w) { return w.length > 1 || /[\u3400-\u9fff]/.test(w); });
    var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT), nodes = [], n;
    while ((n = walker.nextNode())) nodes.push(n);
    nodes.forEach(function (node) {
      words.forEach(function (w) {
        var i = node.data.toLowerCase().indexOf(w.toLowerCase());
        if (i < 0 || !node.parentNode || node.parentNode.nodeName === 'MARK') return;
        var hit = node.splitText(i); hit.splitText(w.length);
        var mark = document.createElement('mark'); mark.className = 'search-hit';
        hit.parentNode.replaceChild(mark, hit); mark.appendChild(hit);
      });
    });
  }

  // Cite links copy a citation in the page's language: the article's data-cite, the block id, the URL and the day, in
  // the words of <html lang> (UI strings cite.*, kept equal by tests/unit/reading.test.ts).
  // Without a clipboard (plain HTTP) they show the citation to copy; the link still goes to its block, the permalink.
  var CITE = {
    en: 'Paragraph {id}.|(accessed {date})|Citation copied: {text}|Copy this citation:',
    'zh-Hans': '段落 {id}。|（访问日期：{date}）|已复制引文：{text}|请复制以下引文：',
    'zh-Hant': '段落 {id}。|（訪問日期：{date}）|已複製引文：{text}|請複製以下引文：'
  };
  var citeWords = (CITE[root.lang] || CITE.en).split('|');
  var status = document.getElementById('cite-status'), timer;
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest && e.target.closest('.b > a');
    var article = a && a.closest('[data-cite]');
    if (!article) return;
    var id = a.getAttribute('href').slice(1);
    var text = [article.dataset.cite, citeWords[0].replace('{id}', id), location.href.split('#')[0] + '#' + id, citeWords[1].replace('{date}', new Date().toISOString().slice(0, 10))].join(' ');
    var done = function () {
      if (!status) return;
      status.textContent = citeWords[2].replace('{text}', text);
      status.classList.add('on');
      clearTimeout(timer);
      timer = setTimeout(function () { status.classList.remove('on'); }, 6000);
    };
    var ask = function () { window.prompt(citeWords[3], text); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, ask); else ask();
  });
})();
