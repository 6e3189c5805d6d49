// MudChart 9 reports only the clicked SERIES (SelectedIndexChanged), not the point. This maps a click on a point, a line
// or a bar to the point under it: the x-axis label nearest to the click, in the chart's SVG coordinates.
export function listen(card, dotNet) {
    const onClick = event => {
        const mark = event.target.closest?.("circle.mud-chart-serie, path.mud-chart-bar, path.mud-chart-serie");
        const svg = mark?.ownerSVGElement;
        if (!svg || !card.contains(svg)) return;
        const labels = [...svg.querySelectorAll("g.mud-charts-xaxis text")].map(t => parseFloat(t.getAttribute("x")));
        const matrix = svg.getScreenCTM();
        if (labels.length === 0 || !matrix) return;
        const x = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse()).x;
        let nearest = 0;
        labels.forEach((labelX, i) => { if (Math.abs(labelX - x) < Math.abs(labels[nearest] - x)) nearest = i; });
        dotNet.invokeMethodAsync("DrillAtAsync", nearest);
    };
    card.addEventListener("click", onClick);
    return { dispose: () => card.removeEventListener("click", onClick) };
}
