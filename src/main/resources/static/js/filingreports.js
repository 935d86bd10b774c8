// Filing coverage: a stacked bar chart of units by filing state per group, from the table's data-* attributes.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('coverage-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var labels = JSON.parse(el.getAttribute('data-labels') || '[]');
  var series = JSON.parse(el.getAttribute('data-series') || '[]');
  var names = JSON.parse(el.getAttribute('data-names') || '[]');
  var colours = ['#198754', '#0d6efd', '#dc3545', '#adb5bd'];
  el.style.height = Math.max(240, Math.min(900, labels.length * 28 + 80)) + 'px';
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    legend: {data: names},
    grid: {left: 8, right: 16, bottom: 8, containLabel: true},
    xAxis: {type: 'value'},
    yAxis: {type: 'category', data: labels, inverse: true},
    series: series.map(function (values, i) {
      return {name: names[i], type: 'bar', stack: 'units', data: values, itemStyle: {color: colours[i]}};
    })
  });
  window.addEventListener('resize', function () {
    chart.resize();
  });
});
