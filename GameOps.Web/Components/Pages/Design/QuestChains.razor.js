// The quest graph: centre a card in the scrolled viewport, and drag the background to pan.
export function centre(container, questId) {
    const node = container?.querySelector(`[data-quest="${CSS.escape(questId)}"]`);
    if (!node) return;
    const box = node.getBoundingClientRect(), view = container.getBoundingClientRect();
    container.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
    container.scrollTop += box.top + box.height / 2 - (view.top + view.height / 2);
}

export function pannable(container) {
    let start = null;
    const down = e => {
        if (e.button !== 0 || e.target.closest("[data-quest]")) return;
        start = { x: e.clientX, y: e.clientY, left: container.scrollLeft, top: container.scrollTop };
        container.style.cursor = "grabbing";
    };
    const move = e => {
        if (!start) return;
        container.scrollLeft = start.left - (e.clientX - start.x);
        container.scrollTop = start.top - (e.clientY - start.y);
    };
    const up = () => { start = null; container.style.cursor = "grab"; };
    container.addEventListener("mousedown", down);
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
    container.style.cursor = "grab";
    return { dispose: () => { container.removeEventListener("mousedown", down); window.removeEventListener("mousemove", move); window.removeEventListener("mouseup", up); } };
}
