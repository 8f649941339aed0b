// The dashboard's charts: each drawn by ECharts (served by the hub, /vendor/echarts) as SVG from the
// table under it, in the design system's colours, labels as the table has them. The table then
// steps out of sight but stays for screen readers and comes back with 显示数据表; without a script
// (or without the library) the tables are all there is. Printed, each chart is redrawn at the size
// of its place on the A4 report.
(function () {
  'use strict';
  var echarts = window.echarts;
  var main = document.querySelector('main.dashboard');
  if (!echarts || !main) {
    return;
  }
  var css = getComputedStyle(document.documentElement);
  function token(name) {
    return css.getPropertyValue(name).trim();
  }
  var ink = token('--c-ink');
  var muted = token('--c-muted');
  var line = token('--c-line');
  var strong = token('--c-line-strong');
  var font = getComputedStyle(document.body).fontFamily;
  var bar = token('--c-primary');
  // 满意 / 基本满意 / 不满意, in the table's order; each bar is named on its axis, so grey print reads too
  var ratings = [token('--c-ok'), bar, token('--c-danger')];

  function rowsOf(section) {
    var rows = section.querySelectorAll('table tbody tr');
    return Array.prototype.map.call(rows, function (tr) {
      return { label: tr.cells[0].textContent.trim(), value: Number(tr.cells[1].getAttribute('data-value')) };
    });
  }

  function option(kind, id, rows) {
    var labels = rows.map(function (r) { return r.label; });
    var values = rows.map(function (r, i) {
      return id === 'satisfaction' ? { value: r.value, itemStyle: { color: ratings[i] } } : r.value;
    });
    var columns = kind === 'columns';
    var category = {
      type: 'category', data: labels, inverse: !columns,
      axisTick: { show: false }, axisLine: { lineStyle: { color: strong } },
      axisLabel: { color: ink, fontSize: 13, hideOverlap: true, width: columns ? undefined : 150, overflow: 'truncate' }
    };
    var value = {
      type: 'value', minInterval: 1,
      axisLabel: { color: muted, fontSize: 13 }, splitLine: { lineStyle: { color: line } }
    };
    return {
      animation: false,
      textStyle: { fontFamily: font, color: ink },
      grid: { left: 8, right: columns ? 8 : 36, top: columns ? 24 : 8, bottom: 8, containLabel: true },
      xAxis: columns ? category : value,
      yAxis: columns ? value : category,
      series: [{
        type: 'bar', data: values, barMaxWidth: 28, itemStyle: { color: bar },
        label: { show: true, position: columns ? 'top' : 'right', color: ink, fontSize: 13 }
      }]
    };
  }

  // The SVG scales with its box (a printed page is narrower than the screen); ECharts numbers its
  // background from 0 in every chart, and an id may stand only once in a page.
  function scalable(box) {
    var svg = box.querySelector('svg');
    if (svg) {
      svg.setAttribute('viewBox', '0 0 ' + svg.getAttribute('width') + ' ' + svg.getAttribute('height'));
      Array.prototype.forEach.call(svg.querySelectorAll('[id]'), function (e) { e.removeAttribute('id'); });
    }
  }

  var charts = [];
  Array.prototype.forEach.call(main.querySelectorAll('.dash-chart'), function (section) {
    var box = section.querySelector('.dash-drawing');
    var rows = rowsOf(section);
    if (!box || rows.length === 0) {
      return;
    }
    var kind = box.getAttribute('data-kind');
    if (kind !== 'columns') {
      box.style.height = Math.max(160, rows.length * 30 + 48) + 'px';
    }
    section.classList.add('drawn');
    var chart = echarts.init(box, null, { renderer: 'svg' });
    chart.setOption(option(kind, box.getAttribute('data-chart'), rows));
    scalable(box);
    charts.push({ chart: chart, box: box });
  });

  function redraw(size) {
    charts.forEach(function (c) {
      c.chart.resize(size ? { width: size.width, height: size.height } : undefined);
      // ECharts paints on the next frame; a page being printed has none to wait for.
      c.chart.getZr().flush();
      scalable(c.box);
    });
  }
  var pending;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () { redraw(); }, 150);
  });
  // Half an A4 page's printable width by 50 mm, in CSS pixels.
  window.addEventListener('beforeprint', function () { redraw({ width: 330, height: 190 }); });
  window.addEventListener('afterprint', function () { redraw(); });

  var toggle = main.querySelector('.dash-tables-toggle');
  if (toggle && charts.length > 0) {
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var shown = main.classList.toggle('show-tables');
      toggle.textContent = toggle.getAttribute(shown ? 'data-hide' : 'data-show');
    });
  }
}());
